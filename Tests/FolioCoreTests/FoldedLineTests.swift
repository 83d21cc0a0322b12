import Foundation
import Testing
@testable import FolioCore

/// A unit's normalized line kept as a range of its own bytes (`FoldedLine`) gives what the
/// normalized String gave: the same String when asked for, and the same answers from the end
/// cue, chrome and chrome-prefix checks, on random simple lines and on the phrases themselves
/// in every case and with a character more or less.
struct FoldedLineTests {
    static let marks = ["\u{201C}", "\u{201D}", "\u{2019}", "\u{2014}", "\u{2013}", "\u{2022}", "\u{B7}", "\u{A0}", "\u{2026}", "\u{A9}",
                        "\u{BB}", "\u{AB}", "\u{203A}", "\u{2039}"]

    /// Lines of ASCII and plain marks: phrases of every list, changed a little, among random pieces.
    static func line(_ random: inout PlainTextRandom) -> String {
        let lists = [Array(TextSignals.endCues), Array(TextSignals.chrome), TextSignals.endPrefixes, TextSignals.shortEndPrefixes,
                     TextSignals.chromePrefixes]
        var phrase = lists.randomElement(using: &random)!.randomElement(using: &random)!
        switch Int.random(in: 0..<8, using: &random) {
        case 0: phrase = phrase.uppercased()
        case 1: phrase = phrase.capitalized
        case 2: phrase = String(phrase.dropLast())
        case 3: phrase += ["s", " ", ".", ":", " more words here", "\u{2026}"].randomElement(using: &random)!
        case 4: phrase = ["| ", "> ", "- ", "\u{2022} ", "  ", "\u{A0}"].randomElement(using: &random)! + phrase
        case 5: phrase = ""
        default: break
        }
        var text = phrase
        for _ in 0..<Int.random(in: 0...(phrase.isEmpty ? 6 : 1), using: &random) {
            text += Int.random(in: 0..<3, using: &random) == 0 ? marks.randomElement(using: &random)! : random.text(maxPieces: 3)
        }
        return text
    }

    /// The reference: each check asked of the normalized String.
    static func reference(_ normalized: String, words: Int) -> [Bool] {
        [TextSignals.isEndCue(normalized, words: words), TextSignals.chrome.contains(normalized),
         TextSignals.chromeIndex.matches(normalized), TextSignals.endCues.contains(normalized)]
    }

    @Test func checksOnBytesMatchTheNormalizedString() {
        var random = PlainTextRandom(seed: 2809)
        var compared = 0
        for round in 0..<30000 {
            var text = Self.line(&random)
            let words = round % 3 == 0 ? Int.random(in: 0...50, using: &random) : WordCount.count(text)
            text.withUTF8 { bytes in
                guard let (range, simple) = TextSignals.normalizedFastRange(bytes), simple else { return }
                compared += 1
                let line = FoldedLine(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
                let normalized = TextSignals.normalized(String(decoding: bytes, as: UTF8.self))
                #expect(Array(line.string().utf8) == Array(normalized.utf8), "\(Array(normalized.unicodeScalars))")
                let fast = [TextSignals.isEndCue(line, words: words), TextSignals.isChrome(line), TextSignals.chromeIndex.matches(line),
                            TextSignals.endCueTable.contains(line)]
                #expect(fast == Self.reference(normalized, words: words), "\(Array(normalized.unicodeScalars)) \(words)")
                let letters = Int.random(in: 0...1, using: &random)
                #expect(TextUnit.phraseKind(line, words: words, letters: letters)
                        == TextUnit.phraseKind(normalized, simple: true, words: words, letters: letters))
            }
        }
        #expect(compared > 10000)
    }

    @Test func everyPhraseIsFoundInEachCase() {
        for phrase in TextSignals.endCues.union(TextSignals.chrome) {
            for form in [phrase, phrase.uppercased(), "  " + phrase + " :"] {
                var copy = form
                copy.withUTF8 { bytes in
                    guard let (range, simple) = TextSignals.normalizedFastRange(bytes), simple else { return }
                    let line = FoldedLine(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
                    let normalized = TextSignals.normalized(form)
                    #expect(TextSignals.endCueTable.contains(line) == TextSignals.endCues.contains(normalized), "\(form)")
                    #expect(TextSignals.isChrome(line) == TextSignals.chrome.contains(normalized), "\(form)")
                }
            }
        }
    }

    /// `FoldedLine.string` lower-cases ASCII capitals eight bytes at a time and leaves the bytes of marks.
    @Test func stringMatchesAByteLoop() {
        var random = PlainTextRandom(seed: 2811)
        let pieces = ["A", "z", "Hello World ", "ABCDEFGHIJ", "@[`{", "\u{201C}", "\u{2014}", "\u{A0}", "1", " "]
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &random) { text += pieces.randomElement(using: &random)! }
            let expected = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let made = text.withUTF8 { FoldedLine.string($0) }
            #expect(Array(made.utf8) == expected)
        }
    }

    /// A unit's meta-line and reading-time checks on its normalized bytes answer what they answer of the String.
    @Test func metaAndReadingTimeMatchTheNormalizedString() {
        for phrase in HeaderParts.metaPrefixes { #expect(phrase.unicodeScalars.count == phrase.count && PhraseForms.isNFC(phrase), "\(phrase)") }
        var random = PlainTextRandom(seed: 2819)
        let starts = HeaderParts.metaPrefixes + ["Lesezeit", "Temps de lecture", "", "Updated", "By", "\u{2014} "]
        let ends = ["5 min read", "12 minute read", "3 Minutes Read", "2 mins read", "4 min Lesezeit", "6 min de lecture", "8 min de lectura",
                    "7 Minuten Lesezeit", "", "read", " min"]
        var checked = 0
        for round in 0..<20000 {
            var text = starts.randomElement(using: &random)!
            if Int.random(in: 0..<2, using: &random) == 0 { text = text.uppercased() }
            text += random.text(maxPieces: round % 5 == 0 ? 12 : 2)
            text += ends.randomElement(using: &random)!
            if round % 7 == 0 { text = "  | " + text + " ." }
            let unit = TextUnit(text)
            #expect(unit.isMetaLine == HeaderParts.isMetaLine(unit.normalized, words: unit.words), "\(Array(text.unicodeScalars))")
            #expect(unit.isReadingTime == HeaderParts.isReadingTime(unit.normalized), "\(Array(text.unicodeScalars))")
            if unit.isMetaLine || unit.isReadingTime { checked += 1 }
        }
        #expect(checked > 1000)
    }

    /// A unit's normalized line, made when asked for, is the one its measure made, on lines of every kind.
    @Test func unitNormalizedMatchesTheMeasure() {
        var random = PlainTextRandom(seed: 2813)
        for round in 0..<4000 {
            let text = round % 2 == 0 ? Self.line(&random) : random.text(maxPieces: round % 10 == 0 ? 400 : 30)
            let unit = TextUnit(text)
            let measure = TextUnit.Measure(text)
            #expect(Array(unit.normalized.utf8) == Array(measure.normalized.utf8), "\(Array(text.unicodeScalars))")
        }
    }
}
