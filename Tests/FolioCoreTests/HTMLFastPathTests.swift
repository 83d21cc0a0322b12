import Foundation
import Testing
@testable import FolioCore

/// The byte-level paths of the HTML reader give what the code they stand in for gives.
struct HTMLFastPathTests {
    static let pieces = ["", " ", "  ", "\t", "\n", "\r\n", ",", "，", "、", "،", "\u{A0}", "\u{C2}", "a", "é", "日", "😀", "\u{301}", "\u{600}",
                         " | ", " - ", " — ", " · ", ", ", "by ", "By ", "İ", "\u{212A}", "x"]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    /// Text figures the straightforward way: a byte pass, then the wide commas by scalar.
    static func referenceFigures(_ text: String) -> (length: Int, commas: Int) {
        var length = 0, commas = 0, pendingSpace = false, previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { pendingSpace = length > 0; continue }
            if byte & 0xC0 == 0x80 {
                if byte == 0xA0 && previous == 0xC2 { length -= 1; pendingSpace = length > 0 }
                continue
            }
            if pendingSpace { length += 1; pendingSpace = false }
            length += 1
            if byte == 0x2C { commas += 1 }
        }
        for scalar in text.unicodeScalars where scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" { commas += 1 }
        return (length, commas)
    }

    @Test func textFiguresMatchReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.randomText(&generator)
            let fast = TextFigures.measure(text), slow = Self.referenceFigures(text)
            #expect(fast.length == slow.length && fast.commas == slow.commas, "\(Array(text.unicodeScalars))")
        }
        #expect(TextFigures.measure(" a,\u{A0}b， c ").commas == 2)
    }

    @Test func simpleTextSearchMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.randomText(&generator)
            for needle in [" | ", " - ", " — ", " · ", ", ", "by ", " @", "x"] {
                #expect(SimpleTextSearch.first(needle, in: text) == text.range(of: needle), "\(Array(text.unicodeScalars)) \(needle)")
                #expect(SimpleTextSearch.last(needle, in: text) == text.range(of: needle, options: .backwards), "\(Array(text.unicodeScalars)) \(needle)")
            }
        }
    }

    @Test func sharedClassHintsAreEachPairsOwn() {
        var generator = SystemRandomNumberGenerator()
        let words = ["article", "share-bar", "sr-only", "d-none", "d-md-block", "byline", "ad", "content", "", "Comment", "x"]
        for _ in 0..<2000 {
            let cls = Bool.random(using: &generator) ? nil : (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let id = Bool.random(using: &generator) ? nil : words.randomElement(using: &generator)!
            let expected = cls == nil && id == nil ? ClassHints.none : ClassHints(className: cls, id: id)
            #expect(ClassHintsCache.shared.hints(className: cls, id: id) == expected)
            #expect(ClassHintsCache.shared.hints(className: cls, id: id) == expected)  // from the cache
        }
    }
}
