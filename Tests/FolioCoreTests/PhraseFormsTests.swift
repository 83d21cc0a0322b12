import Foundation
import Testing
@testable import FolioCore

/// The phrase lists are written in NFC, byte for byte: the byte-length limits
/// (`longestChrome`, `longestEndCue`) and the byte-wise prefix indexes rely on it.
enum PhraseForms {
    /// Byte-wise: Swift's `==` on Strings is canonical equivalence, true for any form.
    static func isNFC(_ phrase: String) -> Bool {
        Array(phrase.utf8) == Array(phrase.precomposedStringWithCanonicalMapping.utf8)
    }
}

@Suite struct PhraseFormsTests {
    @Test func chromeAndEndCuesAreWrittenInNFC() {
        for phrase in TextSignals.chrome.union(TextSignals.endCues) {
            #expect(PhraseForms.isNFC(phrase), "\(phrase) is not in NFC")
        }
    }

    @Test func longestLengthsAreThoseOfTheCanonicalForms() {
        let chrome = TextSignals.chrome.map { $0.precomposedStringWithCanonicalMapping.utf8.count }.max()
        let cues = TextSignals.endCues.map { $0.precomposedStringWithCanonicalMapping.utf8.count }.max()
        #expect(TextSignals.longestChrome == chrome)
        #expect(TextSignals.longestEndCue == cues)
    }

    @Test func theCheckTellsTheFormsApart() {
        #expect(PhraseForms.isNFC("menü"))
        #expect(!PhraseForms.isNFC("menu\u{308}"))  // the same text, decomposed
    }
}
