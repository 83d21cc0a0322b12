import Foundation
import Testing
@testable import FolioCore

/// A small seeded generator, so that failures repeat.
struct PlainTextRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed | 1 }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    /// Pieces that exercise every branch of the byte-level paths: ASCII of each class, quotes and
    /// dashes, Latin-1 signs, letters with and without case, combining marks, CJK, CRLF, controls.
    static let pieces = ["a", "e", "the", "cookie", "Cookie", "COOKIE", "coo", "kie", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}",
                         "\u{01}", "\u{7F}", ".", "!", "?", ":", "'", "\"", "|", "-", "*", "#", ">", "<", "1", "42", "T", "And", "By ",
                         "“", "”", "’", "‘", "„", "«", "»", "‹", "›", "…", "—", "–", "•", "·", "▪ ", "◦", "‣", "©", "\u{A0}", "¿",
                         "é", "É", "ß", "İ", "\u{212A}", "\u{130}", "Σ", "ж", "\u{301}", "\u{200D}", "\u{2028}", "\u{202F}", "\u{3000}",
                         "日本", "。", "！", "😀", "x", "Word", "der", "über", "ÜBER", "- ", "• ", "· ", "(c) 20", "related"]

    mutating func text(maxPieces: Int = 24) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &self) { out += Self.pieces.randomElement(using: &self)! }
        return out
    }
}

/// Each byte-level path in `TextUnit` gives what the straightforward scalar or Character
/// version gives, on random text of every kind.
struct TextUnitFastPathTests {
    /// `TextUnit.Stats` of `text`, as extraction scans it.
    static func scanned(_ text: String) -> TextUnit.Stats {
        var stats = TextUnit.Stats()
        var copy = text
        copy.withUTF8 { stats.scan($0) }
        return stats
    }

    /// The counts `referenceStats` gives, in its order.
    static func counts(_ stats: TextUnit.Stats) -> [Int] {
        [stats.letters, stats.upper, stats.lower, stats.cjk, stats.sentenceBreaks, stats.tokens, stats.stops,
         stats.words.count, stats.scalars, stats.separators, stats.simple ? 1 : 0, stats.mayMentionCookies ? 1 : 0]
    }

    /// `TextUnit.Stats`, computed a scalar at a time with Unicode properties.
    static func referenceStats(_ text: String) -> [Int] {
        let scalars = Array(text.unicodeScalars)
        var letters = 0, upper = 0, lower = 0, cjk = 0, breaks = 0, separators = 0
        var tokens: [String] = []
        var token = ""
        for (k, s) in scalars.enumerated() {
            let v = s.value
            let punctuation = v >= 0x2000 && v <= 0x206F
            let ideographic = !punctuation && v >= 0x80 && WordCount.isIdeographic(s)
            let alphabetic = v < 0x80 ? s.properties.isAlphabetic : !punctuation && s.properties.isAlphabetic
            let isLetter = ideographic || alphabetic
            var isUpper = false
            if isLetter { letters += 1 }
            if ideographic { cjk += 1 } else if alphabetic {
                if s.properties.isUppercase { upper += 1; isUpper = true } else if s.properties.isLowercase { lower += 1 }
            }
            if v == 0x7C || v == 0xB7 || v == 0x2022 { separators += 1 }
            if isLetter || v == 0x27 || v == 0x2019 { token.unicodeScalars.append(s) } else if !token.isEmpty { tokens.append(token); token = "" }
            let previous = k >= 1 ? scalars[k - 1].value : 0x20, beforePrevious = k >= 2 ? scalars[k - 2].value : 0x20
            if isUpper || [0x22, 0x201C, 0x201E, 0xAB, 0x2018].contains(v), previous == 0x20, [0x2E, 0x21, 0x3F, 0x2026].contains(beforePrevious) { breaks += 1 }
            if v == 0x3002 || v == 0xFF01 || v == 0xFF1F { breaks += 1 }
        }
        if !token.isEmpty { tokens.append(token) }
        let counted = tokens.prefix(400)
        let stops = counted.filter { TextSignals.stopwords.contains($0.lowercased()) }.count
        let simple = scalars.allSatisfy { SimpleCharacters.isSimple($0.value) }
        let cookies = text.lowercased().utf8Range(of: "cookie") != nil || scalars.contains { $0.value == 0x130 || $0.value == 0x212A }
        return [letters, upper, lower, cjk, breaks, counted.count, stops, WordCount.count(text), scalars.count, separators,
                simple ? 1 : 0, cookies ? 1 : 0]
    }

    @Test func statsMatchTheScalarReference() {
        var random = PlainTextRandom(seed: 7)
        for round in 0..<4000 {
            let text = round == 0 ? "" : random.text(maxPieces: round % 3 == 0 ? 200 : 24)
            #expect(TextUnitFastPathTests.counts(TextUnitFastPathTests.scanned(text)) == TextUnitFastPathTests.referenceStats(text),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func stopwordsPastFourHundredTokensAreNotCounted() {
        let text = String(repeating: "the cat ", count: 300)
        var stats = TextUnit.Stats()
        var copy = text
        copy.withUTF8 { stats.scan($0) }
        #expect(stats.tokens == 400 && stats.stops == 200)
    }

    @Test func normalizedFastMatchesNormalized() {
        var random = PlainTextRandom(seed: 11)
        var handled = 0
        for _ in 0..<6000 {
            var text = random.text()
            guard let (fast, simple) = text.withUTF8({ TextSignals.normalizedFast($0) }) else { continue }
            handled += 1
            #expect(Array(fast.utf8) == Array(TextSignals.normalized(text).utf8), "\(Array(text.unicodeScalars))")
            #expect(simple == SimpleCharacters.all(fast), "\(Array(text.unicodeScalars))")
        }
        #expect(handled > 500)
    }

    @Test func plainMarksAreCaselessSimpleAndNotSpaces() {
        for v in UInt32(0x80)...0x2FFF where TextSignals.isPlainMark(v) {
            let s = Unicode.Scalar(v)!
            #expect(String(s).lowercased() == String(s) && String(s).quickLowercased() == String(s), "\(v)")
            #expect(SimpleCharacters.isSimple(v))
            #expect(s.properties.isWhitespace == (v == 0xA0), "\(v)")
        }
        for v in UInt32(0)...0x2FFF where v < 0x80 || TextSignals.isPlainMark(v) {
            let s = Unicode.Scalar(v)!
            #expect(TextSignals.isTrimmedLeading(v) == (s.properties.isWhitespace || TextSignals.leadingMarks.contains(s)), "\(v)")
            #expect(TextSignals.isTrimmedTrailing(v) == (s.properties.isWhitespace || TextSignals.trailingMarks.contains(s)), "\(v)")
        }
    }

    @Test func closersAndSentenceEnds() {
        for v in UInt32(0)...0x2FFF {
            #expect(TextUnit.isCloser(v) == "\"”’»)]' ".unicodeScalars.contains { $0.value == v })
            #expect(TextUnit.isSentenceEnd(v) == ".!?…:".unicodeScalars.contains { $0.value == v })
        }
    }

    @Test func scalarBytesMatchScalarViews() {
        var random = PlainTextRandom(seed: 13)
        for _ in 0..<3000 {
            var text = random.text()
            let count = Int.random(in: 0...30, using: &random)
            let end = text.withUTF8 { ScalarBytes.end(ofFirst: count, in: $0) }
            #expect(Array(text.utf8.prefix(end)) == Array(String(String.UnicodeScalarView(text.unicodeScalars.prefix(count))).utf8))
            let window = Int.random(in: 1...20, using: &random)
            let last = text.withUTF8 { ScalarBytes.last(in: $0, within: window) { !TextUnit.isCloser($0) } }
            #expect(last == text.unicodeScalars.suffix(window).last { !TextUnit.isCloser($0.value) }?.value)
        }
    }

    @Test func prefixIndexMatchesHasPrefixOnSimpleText() {
        for list in [TextSignals.endPrefixes, TextSignals.shortEndPrefixes, TextSignals.chromePrefixes, PlainTextExtractor.bullets] {
            for phrase in list { #expect(phrase.unicodeScalars.count == phrase.count && PhraseForms.isNFC(phrase), "\(phrase)") }
        }
        var random = PlainTextRandom(seed: 17)
        let indexes = [TextSignals.endIndex, TextSignals.shortEndIndex, TextSignals.chromeIndex]
        let lists = [TextSignals.endPrefixes, TextSignals.shortEndPrefixes, TextSignals.chromePrefixes]
        for round in 0..<6000 {
            let phrase = lists[round % 3].randomElement(using: &random)!
            let text = (round % 2 == 0 ? phrase : "") + random.text(maxPieces: 3)
            guard SimpleCharacters.all(text) else { continue }
            #expect(indexes[round % 3].matches(text, simple: true) == lists[round % 3].contains { text.hasPrefix($0) }, "\(text)")
            var copy = text
            #expect(copy.withUTF8 { PlainTextExtractor.isListItem(simple: $0) } == (PlainTextExtractor.listItem(text) != nil), "\(text)")
        }
    }

    @Test func endCuesAndChromeTakeTheSimpleShortcutOnlyWhenExact() {
        for phrase in TextSignals.endCues { #expect(TextSignals.isEndCue(phrase, words: 1, simple: SimpleCharacters.all(phrase))) }
        for phrase in TextSignals.chrome { #expect(TextSignals.isChrome(phrase, simple: SimpleCharacters.all(phrase))) }
        var random = PlainTextRandom(seed: 19)
        for _ in 0..<3000 {
            let text = random.text(maxPieces: 6)
            let simple = SimpleCharacters.all(text)
            for words in [1, 6, 7, 30, 41] {
                #expect(TextSignals.isEndCue(text, words: words, simple: simple) == TextSignals.isEndCue(text, words: words), "\(text)")
            }
            #expect(TextSignals.isChrome(text, simple: simple) == TextSignals.chrome.contains(text))
        }
    }
}
