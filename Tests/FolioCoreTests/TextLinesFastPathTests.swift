import Foundation
import Testing
@testable import FolioCore

/// `LineTable` and the byte-level whitespace and word helpers give what the
/// String versions give.
struct TextLinesFastPathTests {
    @Test func lineTableMatchesStringLines() {
        var random = PlainTextRandom(seed: 23)
        for round in 0..<3000 {
            var text = random.text(maxPieces: round % 4 == 0 ? 120 : 30)
            if round % 50 == 0 { text = String(repeating: "x", count: 2100) + "\n" + text }
            let lines = TextLines.lines(text)
            let original = text
            text.withUTF8 { bytes in
                let table = LineTable(bytes)
                #expect(table.count == lines.count, "\(Array(original.unicodeScalars))")
                guard table.count == lines.count else { return }
                #expect(table.lengths == lines.map(TextLines.length))
                for (i, line) in lines.enumerated() {
                    #expect(table[i] == line)
                    #expect(table.isBlank(i) == TextLines.isBlank(line), "\(Array(line.unicodeScalars))")
                    if !table.mayHoldCells(i) { #expect(TextLines.cells(line) == nil && !TextLines.isPipeSeparator(line)) }
                    #expect(Array(table.collapsed(i).utf8) == Array(TextCleanup.collapseWhitespace(line).utf8))
                }
            }
        }
    }

    @Test func collapseFromBytesMatchesTheReference() {
        var random = PlainTextRandom(seed: 29)
        for _ in 0..<4000 {
            var text = random.text()
            let fast = text.withUTF8 { TextCleanup.collapseWhitespace(utf8: $0) }
            #expect(Array(fast.utf8) == Array(TextCleanupTests.reference(text).utf8), "\(Array(text.unicodeScalars))")
            #expect(Array(TextCleanup.collapseWhitespace(text).utf8) == Array(fast.utf8))
        }
    }

    /// Words counted a scalar at a time: runs of letters and digits, with apostrophes
    /// (’ too) and hyphens inside, and two ideographs for a word.
    static func referenceWords(_ text: String) -> Int {
        var words = 0, ideographs = 0
        var inWord = false
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x80 && WordCount.isIdeographic(s) { ideographs += 1; inWord = false; continue }
            if v == 0x27 || v == 0x2D || v == 0x2019 { continue }
            let isWordScalar = v < 0x80 ? (s.properties.isAlphabetic || (0x30...0x39).contains(v))
                                        : !(0x2000...0x206F).contains(v) && s.properties.isAlphabetic
            if isWordScalar { if !inWord { words += 1 }; inWord = true } else { inWord = false }
        }
        return words + (ideographs + 1) / 2
    }

    @Test func wordCountMatchesTheReference() {
        var random = PlainTextRandom(seed: 31)
        for round in 0..<4000 {
            let text = round == 0 ? "" : random.text(maxPieces: 60)
            #expect(WordCount.count(text) == Self.referenceWords(text), "\(Array(text.unicodeScalars))")
        }
        #expect(WordCount.count("well-known it's 1-2 -x- ''a") == 5)
    }
}
