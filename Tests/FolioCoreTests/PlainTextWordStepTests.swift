import Foundation
import Testing
@testable import FolioCore

/// The word-at-a-time steps of plain-text reading (a lower-case run read with its space, stopwords
/// looked up where they lie, "cookie" found from its "k") and the piecewise UTF-8 validation give
/// what the plain versions give, on random and edge-case input.
struct PlainTextWordStepTests {
    static let words = ["the", "The", "THE", "of", "and", "a", "A", "to", "in", "is", "was", "that", "harbour", "council", "it's",
                        "don't", "l'eau", "über", "für", "también", "más", "el", "los", "durante", "desde", "werden", "haben",
                        "abcdefgh", "abcdefghi", "stopword", "x", "Zz", "qu'il", "’s", "dans", "été", "où", "1999", "e-mail"]
    static let gaps = [" ", " ", " ", " ", "  ", ", ", ". ", "! ", "? ", ".", "\n", "\r\n", "\t", "\"", "“", "”", "’", "'", "-", "|",
                       " · ", "…", "\u{A0}", "日本", "。", ""]

    static func text(_ random: inout PlainTextRandom, words count: Int) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...count, using: &random) {
            out += words.randomElement(using: &random)!
            out += Int.random(in: 0..<3, using: &random) == 0 ? gaps.randomElement(using: &random)! : " "
            if Int.random(in: 0..<40, using: &random) == 0 { out += PlainTextRandom.pieces.randomElement(using: &random)! }
        }
        return out
    }

    @Test func scanMatchesTheScalarReference() {
        var random = PlainTextRandom(seed: 211)
        for round in 0..<5000 {
            var text = Self.text(&random, words: round % 10 == 0 ? 600 : 30)
            if round % 3 == 0, !text.isEmpty { text.removeLast() }  // ending in a letter, a space or anything
            if round == 1 { text = "" }
            if round == 2 { text = "the" }
            if round == 3 { text = "the " }
            if round == 4 { text = String(repeating: "a ", count: 450) }
            #expect(TextUnitFastPathTests.counts(TextUnitFastPathTests.scanned(text)) == TextUnitFastPathTests.referenceStats(text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    /// Every word of the set, and words near them, anywhere in a buffer (so that the load is cut
    /// at its start, its end or both), in each case.
    @Test func stopwordTableMatchesTheStopwordSet() {
        let table = TextSignals.stopwordTable
        var random = PlainTextRandom(seed: 223)
        var candidates = Array(TextSignals.stopwords)
        for word in TextSignals.stopwords {
            candidates.append(word.uppercased())
            candidates.append(word + "s")
            candidates.append(String(word.dropLast()))
            candidates.append(word + "'")
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzAEIOU'")
        for _ in 0..<20000 {
            candidates.append(String((0..<Int.random(in: 1...10, using: &random)).map { _ in letters.randomElement(using: &random)! }))
        }
        var found = 0
        for word in candidates where !word.isEmpty && word.utf8.allSatisfy({ $0 < 0x80 }) {
            let expected = TextSignals.stopwords.contains(word.lowercased())
            if expected { found += 1 }
            for (before, after) in [("", ""), ("xy ", ""), ("", " z"), ("0123456789 ", " 0123456789"), ("ab", "cd")] {
                let buffer = Array((before + word + after).utf8)
                buffer.withUnsafeBufferPointer { bytes in
                    let start = before.utf8.count
                    let end = start + word.utf8.count
                    #expect(table.contains(letters: bytes, start, end) == expected, "\(word) in \(before)|\(after)")
                    #expect(TextSignals.isStopword(letters: bytes, start, end, in: TextSignals.asciiStopwords) == expected)
                }
            }
        }
        #expect(found > 300)
        #expect(table.longest == TextSignals.asciiStopwords.longest)
    }

    /// `mayMentionCookies` as first written: from each "c".
    static func mayMentionCookiesFromC(_ bytes: [UInt8]) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            i += 1
            if b | 0x20 == 0x63 {
                if i + 4 < n, bytes[i] | 0x20 == 0x6F, bytes[i + 1] | 0x20 == 0x6F, bytes[i + 2] | 0x20 == 0x6B,
                   bytes[i + 3] | 0x20 == 0x69, bytes[i + 4] | 0x20 == 0x65 {
                    return true
                }
            } else if b >= 0xC4 {
                if b == 0xC4, i < n, bytes[i] == 0xB0 { return true }
                if b == 0xE2, i + 1 < n, bytes[i] == 0x84, bytes[i + 1] == 0xAA { return true }
            }
        }
        return false
    }

    @Test func cookiesFromTheirKMatchCookiesFromTheirC() {
        var random = PlainTextRandom(seed: 227)
        let pieces = ["c", "o", "k", "i", "e", "C", "O", "K", "I", "E", "cookie", "COOKIE", "coo", "kie", "cook", "ie", "k", " ",
                      "\u{130}", "\u{212A}", "\u{C4}", "\u{2A}", "é", "“", "abcdefg", "kkkkkkkk", "\u{FFFD}", "日"]
        var seen = 0
        for round in 0..<30000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round % 5 == 0 ? 60 : 14), using: &random) { text += pieces.randomElement(using: &random)! }
            var bytes = Array(text.utf8)
            // Bytes that are not UTF-8 too: the check reads bytes, not scalars.
            if round % 7 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            let expected = Self.mayMentionCookiesFromC(bytes)
            if expected { seen += 1 }
            #expect(bytes.withUnsafeBufferPointer(TextUnit.Stats.mayMentionCookies) == expected, "\(bytes)")
        }
        #expect(seen > 1000)
    }

    @Test func piecewiseValidationMatchesTheStandardLibrary() {
        var random = PlainTextRandom(seed: 229)
        let pieces: [[UInt8]] = [Array("plain ascii text ".utf8), Array(String(repeating: "long ascii run ", count: 6).utf8),
                                 Array("é".utf8), Array("“".utf8), Array("日本".utf8), Array("😀".utf8), [0x80], [0xC3], [0xE2, 0x80],
                                 [0xF0, 0x9F, 0x98], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x0A], [0x00]]
        for round in 0..<20000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...(round % 4 == 0 ? 80 : 12), using: &random) {
                // Mostly valid text; an invalid piece now and then.
                let piece = round % 3 == 0 ? pieces.randomElement(using: &random)! : pieces[Int.random(in: 0..<6, using: &random)]
                bytes += piece
            }
            if round % 11 == 0 { bytes += Array(repeating: 0x61, count: Int.random(in: 0...130, using: &random)) }
            if round % 13 == 0 { bytes = Array(repeating: 0x62, count: Int.random(in: 0...130, using: &random)) + bytes }
            let expected = String(validating: bytes, as: UTF8.self)
            let fast = TextDecoding.validatedUTF8(bytes)
            #expect(fast.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(bytes)")
        }
        let runs = String(repeating: "x", count: 64) + "é" + String(repeating: "y", count: 63) + "“" + String(repeating: "z", count: 200)
        #expect(TextDecoding.validatedUTF8(Array(runs.utf8)).map { Array($0.utf8) } == Array(runs.utf8))
        #expect(TextDecoding.validatedUTF8([]) == "")
    }

    /// Lines of ASCII and plain marks ruled out on their bytes are lines in which `markedSource` finds nothing,
    /// and lines that hold a marker or label are never ruled out.
    @Test func plainLinesWithMarksHoldNoSource() {
        var random = PlainTextRandom(seed: 233)
        let seeds = ["Source: Harbour Daily", "“Source: x”", "— Via Example", "» Quelle: Y", "• via: z", "This post Appeared First on x.",
                     "– publisher: Bar", "Originally published at Foo", "‹ SITE: a ›", "\u{A0}source: b", "¿Fuente: c", "via "]
        let pieces = ["“", "”", "‘", "’", "—", "–", "…", "•", "·", "»", "«", "›", "‹", "\u{A0}", "©", "¿", "‐", "\u{2028}", " ", "  ", ":",
                      "|", "-", "*", "#", ">", "<", ".", "source", "via", "Source", " on ", "appeared first", "x", "\n", "é", "İ"]
        var plain = 0, withMarks = 0
        for round in 0..<20000 {
            var text = round % 3 == 0 ? seeds[round % seeds.count] : ""
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                let piece = pieces.randomElement(using: &random)!
                if Bool.random(using: &random) { text = piece + text } else { text += piece }
            }
            let full = Attribution.markedSourceReadingAll(text)
            if Attribution.isPlainLine(text) {
                plain += 1
                if !text.utf8.allSatisfy({ $0 < 0x80 }) { withMarks += 1 }
                #expect(full == nil, "\(Array(text.unicodeScalars))")
            }
            #expect(Attribution.markedSource(text) == full)
            if Attribution.isPlainASCIILine(text) { #expect(Attribution.isPlainLine(text)) }
        }
        #expect(plain > 2000 && withMarks > 1000)
        for seed in seeds where Attribution.markedSourceReadingAll(seed) != nil { #expect(!Attribution.isPlainLine(seed), "\(seed)") }
    }

    /// `Attribution.asciiShape` against the Character reading it stands for.
    @Test func asciiShapeMatchesCharacters() {
        var random = PlainTextRandom(seed: 239)
        let pieces = ["Harbour", "daily", "THE", "a", "Z", " ", "  ", "1", "2026", "\r\n", "\r", "\n", "\t", "-", "'", "@", "[", "`", "{",
                      "é", "Élan", "Σ", "½"]
        for round in 0..<20000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round % 5 == 0 ? 30 : 8), using: &random) { text += pieces.randomElement(using: &random)! }
            guard let shape = Attribution.asciiShape(text) else {
                #expect(!text.utf8.allSatisfy { $0 < 0x80 })
                continue
            }
            let words = text.split(separator: " ")
            #expect(shape.letters == text.filter(\.isLetter).count, "\(Array(text.utf8))")
            #expect(shape.words == words.count, "\(Array(text.utf8))")
            #expect(shape.capitalised == words.filter { $0.first?.isUppercase == true }.count, "\(Array(text.utf8))")
            #expect(shape.digit == text.contains(where: \.isNumber), "\(Array(text.utf8))")
        }
    }
}
