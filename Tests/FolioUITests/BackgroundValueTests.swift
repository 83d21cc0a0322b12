import Testing
@testable import FolioUI

/// A value made on another thread, then read or handed over.
@Suite struct BackgroundValueTests {
    final class Table {
        var rows: [Int] = Array(0..<1000)
    }

    @Test func aValueReadIsStillHeldByTheBackgroundValue() {
        let background = BackgroundValue { Table() }
        var read = background.value
        #expect(!isKnownUniquelyReferenced(&read))
        #expect(background.value === read)
    }

    /// What makes changing a taken table cheap: nothing else holds it, so it is
    /// changed in place (a dictionary shared with its holder was copied whole on
    /// every change, 100,000 entries each time).
    @Test func aValueTakenIsHeldOnlyByTheTaker() {
        let background = BackgroundValue { Table() }
        var taken = background.take()
        #expect(isKnownUniquelyReferenced(&taken))
        #expect(taken.rows.count == 1000)
    }
}
