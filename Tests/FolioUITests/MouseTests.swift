import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Mouse events (with `set mouse on`): a click selects, a second click opens,
/// the wheel moves the list or scrolls the reader.
@Suite struct MouseTests {
    typealias F = Fixtures

    @Test func aClickSelectsAndASecondClickOpens() {
        var s = F.loadedState()
        let row = s.layout.list.y + 2
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: row)))
        #expect(s.selection == 2 && s.focus == .list)
        #expect(s.reader?.path == F.path(2))
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: row)))
        #expect(s.focus == .reader)
        #expect(s.library.first { $0.summary.path == F.path(2) }?.isRead == true)
    }

    @Test func theWheelMovesTheListAndScrollsTheReader() {
        var s = F.loadedState()
        F.settle(&s, .mouse(MouseEvent(.wheelDown, x: 10, y: s.layout.list.y)))
        #expect(s.selection == 3)
        F.settle(&s, .mouse(MouseEvent(.wheelUp, x: 10, y: s.layout.list.y)))
        #expect(s.selection == 0)
        var r = F.loadedState()
        F.settle(&r, .mouse(MouseEvent(.wheelDown, x: 10, y: r.layout.reader.y + 1)))
        #expect(r.reader?.top == 3)
        #expect(r.selection == 0)
    }

    @Test func aClickOutsideTheRowsDoesNothing() {
        var s = F.loadedState(rows: Array(F.rows.prefix(2)))
        let before = s
        F.settle(&s, .mouse(MouseEvent(.click, x: 10, y: s.layout.list.y + 5)))
        #expect(s == before)
    }
}
