import Foundation
import Testing
@testable import FolioCore

/// The eight-bytes-at-a-time paths of plain-text reading (line flags, lower-case runs,
/// ASCII normalizing) and lines cut from their file's String give what a byte at a time
/// and `String(decoding:)` give, on random and edge-case text.
struct PlainTextWordAtATimeTests {
    /// Text that crosses eight-byte words in every way: long ASCII runs, single and double
    /// spaces, pipes, tabs, DEL and controls, CR LF, non-ASCII, and the random pieces.
    static func text(_ random: inout PlainTextRandom, pieces: Int) -> String {
        let words = ["the", "harbour", "Council", "a", "x", "abcdefghijklmnop", "QUIET", "it's", "well-known", "1999", "|", "||",
                     " ", "  ", "   ", "\t", "\u{7F}", "\u{01}", "\n", "\r\n", "\r", "\n\n", "é", "“", "”", "—", "日本", "~}{",
                     "[a]", "z{", "`", "@", "Z[", "A", "Za", "\u{A0}", "\u{2028}"]
        var out = ""
        for _ in 0..<Int.random(in: 0...pieces, using: &random) {
            if Int.random(in: 0..<4, using: &random) == 0 {
                out += PlainTextRandom.pieces.randomElement(using: &random)!
            } else {
                out += words.randomElement(using: &random)!
            }
        }
        return out
    }

    @Test func lineTableCutFromTheStringMatchesStringLines() {
        var random = PlainTextRandom(seed: 101)
        for round in 0..<4000 {
            var text = Self.text(&random, pieces: round % 5 == 0 ? 300 : 40)
            if round % 97 == 0 { text += String(repeating: "word ", count: 500) + "\r\n" + text }
            if round == 1 { text = "" }
            if round == 2 { text = "        " }
            let lines = TextLines.lines(text)
            text.makeContiguousUTF8()
            let whole = text
            text.withUTF8 { bytes in
                let cut = LineTable(bytes, of: whole)
                let decoded = LineTable(bytes)
                #expect(cut.count == lines.count, "\(Array(whole.unicodeScalars))")
                guard cut.count == lines.count else { return }
                #expect(cut.lengths == lines.map(TextLines.length))
                #expect(decoded.lengths == cut.lengths)
                for (i, line) in lines.enumerated() {
                    #expect(Array(cut[i].utf8) == Array(line.utf8))
                    #expect(cut.length(i) == TextLines.length(line))
                    #expect(cut.isBlank(i) == TextLines.isBlank(line), "\(Array(line.unicodeScalars))")
                    #expect(cut.mayHoldCells(i) == line.utf8.contains { $0 == 0x09 || $0 == 0x7C })
                    var copy = line
                    #expect(cut.mayCollapse(i) || !copy.withUTF8(TextCleanup.needsCollapse), "\(Array(line.unicodeScalars))")
                    #expect(Array(cut.collapsed(i).utf8) == Array(TextCleanup.collapseWhitespace(line).utf8))
                    #expect(cut.mayCollapse(i) == decoded.mayCollapse(i))
                }
            }
        }
    }

    /// `LineTable.plainSpaces` against the same question asked of each byte.
    @Test func plainSpacesMatchesEachByte() {
        var random = PlainTextRandom(seed: 103)
        let interesting: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x61, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80,
                                    0xA0, 0xC2, 0xE2, 0xFF]
        for round in 0..<50000 {
            let bytes: [UInt8] = (0..<8).map { _ in
                round % 3 == 0 ? UInt8.random(in: 0...255, using: &random)
                    : round % 3 == 1 ? interesting.randomElement(using: &random)! : UInt8.random(in: 0x20...0x7E, using: &random)
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x7C }
            let expected: UInt64? = plain
                ? bytes.enumerated().reduce(0) { $0 | ($1.element == 0x20 ? UInt64(0x80) << UInt64($1.offset * 8) : 0) } : nil
            #expect(LineTable.plainSpaces(word) == expected, "\(bytes)")
        }
    }

    @Test func lowercaseRunsMatchAByteLoop() {
        var random = PlainTextRandom(seed: 107)
        for round in 0..<20000 {
            let length = Int.random(in: 1...40, using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                switch Int.random(in: 0..<10, using: &random) {
                case 0: return UInt8.random(in: 0...255, using: &random)
                case 1: return [0x60, 0x7B, 0x40, 0x5B, 0x20, 0xE1, 0xFF, 0x80][Int.random(in: 0..<8, using: &random)]
                default: return UInt8.random(in: 0x61...0x7A, using: &random)
                }
            }
            let from = Int.random(in: 0..<length, using: &random)
            bytes.withUnsafeBufferPointer { buffer in
                var fast = TextUnit.Stats.endOfLowercase(buffer.baseAddress!, from: from, count: length)
                while fast < length && buffer[fast] &- 0x61 < 26 { fast += 1 }
                var slow = from
                while slow < length && buffer[slow] &- 0x61 < 26 { slow += 1 }
                #expect(fast == slow, "\(bytes) from \(from) round \(round)")
            }
        }
    }

    @Test func asciiLowercasingMatchesAByteMap() {
        var random = PlainTextRandom(seed: 109)
        for _ in 0..<20000 {
            let bytes: [UInt8] = (0..<8).map { _ in UInt8.random(in: 0...0x7F, using: &random) }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let lowered = TextSignals.asciiLowercased(word)
            let expected = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            #expect(withUnsafeBytes(of: lowered) { Array($0) } == expected, "\(bytes)")
        }
    }

    @Test func normalizedASCIIMatchesNormalized() {
        var random = PlainTextRandom(seed: 113)
        let pieces = ["The", "HARBOUR", "council", " ", "  ", "|", ">", "-", ":", "*", "#", "<", ".", "\t", "\u{01}", "\u{7F}",
                      "Skip To Main Content", "a", "Z", "@[`{", "1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
        for round in 0..<6000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round % 4 == 0 ? 120 : 12), using: &random) { text += pieces.randomElement(using: &random)! }
            let fast = text.withUTF8 { TextSignals.normalizedASCII($0) }
            #expect(Array(fast.utf8) == Array(TextSignals.normalized(text).utf8), "\(Array(text.utf8))")
            let viaFast = text.withUTF8 { TextSignals.normalizedFast($0) }
            #expect(viaFast.map { Array($0.0.utf8) } == Array(fast.utf8) && viaFast?.1 == true)
        }
    }

    /// The scan's counts, its `ascii` flag and a unit's normalized text, on text with long runs.
    @Test func scanAndNormalizedMatchTheReferences() {
        var random = PlainTextRandom(seed: 127)
        for round in 0..<3000 {
            let text = Self.text(&random, pieces: round % 4 == 0 ? 250 : 30)
            let stats = TextUnitFastPathTests.scanned(text)
            #expect(TextUnitFastPathTests.counts(stats) == TextUnitFastPathTests.referenceStats(text), "\(Array(text.unicodeScalars))")
            #expect(stats.ascii == text.utf8.allSatisfy { $0 < 0x80 })

            guard text.utf8.count <= TextUnit.sampleBytes else { continue }
            let head: String
            if text.utf8.count <= 400 {
                head = text
            } else if text.unicodeScalars.allSatisfy({ SimpleCharacters.isSimple($0.value) }) {
                head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(200)))
            } else {
                head = String(text.prefix(200))
            }
            let measure = TextUnit.Measure(text)
            #expect(Array(measure.normalized.utf8) == Array(TextSignals.normalized(head).utf8), "\(Array(text.unicodeScalars))")
            #expect(measure.normalizedIsSimple == SimpleCharacters.all(measure.normalized))
        }
    }
}
