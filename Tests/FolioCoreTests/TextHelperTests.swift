import Foundation
import Testing
@testable import FolioCore

/// The byte- and scalar-level helpers give exactly what the Foundation and
/// standard library calls they replace give.
struct TextHelperTests {
    /// Strings with every kind of space Foundation trims, newlines, combining marks
    /// at the edges (trimming is per scalar, not per Character), emoji and CJK.
    static let samples: [String] = {
        let pieces = ["", " ", "\t", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200B}", "\u{200C}", "\u{202F}", "\u{205F}", "\u{3000}",
                      "\n", "\r\n", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{301}", "a", "É", "İ", "ß", "\u{212A}", "Σ", "日",
                      "😀", "👩‍👧", "\u{1F3FD}", ",", ";", ".", "“", "”", "(", "]", "<", "x y"]
        var out: [String] = []
        for a in pieces { for b in pieces { for c in ["", "word", "Wörd ÉTÉ"] { out.append(a + b + c + b + a) } } }
        return out
    }()

    @Test func trimmingMatchesFoundation() {
        for text in Self.samples {
            #expect(bytes(text.trimmingSpaces()) == bytes(text.trimmingCharacters(in: .whitespaces)), "\(Array(text.unicodeScalars))")
            #expect(bytes(text.trimmingSpacesAndNewlines()) == bytes(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(bytes(text.trimmingScalars(in: " .,;“”()[]")) == bytes(text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;“”()[]"))))
            let sub = ("«" + text + "»").dropFirst().dropLast()
            #expect(bytes(sub.trimmingSpaces()) == bytes(sub.trimmingCharacters(in: .whitespaces)))
        }
    }

    @Test func trimmingKeepsCombiningMarksOnTheirOwn() {
        let text = " \u{301}a \u{301}"
        #expect(bytes(text.trimmingSpaces()) == bytes("\u{301}a \u{301}"))
    }

    @Test func quickLowercasedMatchesLowercased() {
        for text in Self.samples + ["HELLO World", "ÀÉÎÕÜ Ÿ ǅ ﬁ Ⅻ Ⓐ ΣΟΦΙΑ İstanbul \u{212A}elvin", "“Quoted” — Dash…"] {
            #expect(bytes(text.quickLowercased()) == bytes(text.lowercased()))
            #expect(bytes(text.dropFirst().quickLowercased()) == bytes(text.dropFirst().lowercased()))
        }
        // Every scalar that changes, and a sample of those that do not.
        var all = ""
        for v in stride(from: 0, through: 0x10FFFF, by: 1) {
            guard let s = Unicode.Scalar(v), s.properties.changesWhenLowercased || v % 97 == 0 else { continue }
            all.unicodeScalars.append(s)
        }
        #expect(bytes(all.quickLowercased()) == bytes(all.lowercased()))
    }

    @Test func foldedLettersMatchFoundation() {
        var generator = SystemRandomNumberGenerator()
        let ascii = Array("aZ09 .-'").map { $0.unicodeScalars.first! }
        let tabled = (FoldedLetters.latin.map { $0 } + FoldedLetters.punctuation.map { $0 }).compactMap(Unicode.Scalar.init)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                text.unicodeScalars.append(Bool.random(using: &generator) ? ascii.randomElement()! : tabled.randomElement()!)
            }
            #expect(FoldedLetters.of(text) == FoldedLetters.foundation(text), "\(text.unicodeScalars.map(\.value))")
        }
        for text in ["Der Talbote", "Ærø Ødegård — “Straße”", "ǅemal Ĳssel", "e\u{301}cole 日本 👩‍👧 Ωmega", "\u{212A}elvin İz"] {
            #expect(FoldedLetters.of(text) == FoldedLetters.foundation(text))
        }
    }

    @Test func packedWordSetHoldsItsShortASCIIWords() {
        let words = ["the", "of", "und", "durante", "also", "été", "constitution", "a"]
        let set = PackedWordSet(words)
        for word in words { #expect(set.contains(packed: PackedWordSet.pack(word.utf8)) == (word.utf8.count <= 8 && word.utf8.allSatisfy { $0 < 0x80 })) }
        for word in ["th", "thee", "b", "durant", "durantes", "und'"] { #expect(!set.contains(packed: PackedWordSet.pack(word.utf8))) }
        #expect(set.longest == 7)
    }

    @Test func phraseIndexFindsWhatSearchingForEachFinds() {
        let phrases = ["appeared first on ", "first published in ", "publié à l'origine sur ", "on ", "oo"]
        let index = PhraseIndex(phrases)
        for text in ["", "o", "this story appeared first on harbour daily", "publié à l'origine sur le site, first published in may",
                     "appeared first o", "no match here", "ooo on on"] {
            #expect(index.present(in: text) == phrases.indices.filter { text.utf8Range(of: phrases[$0]) != nil })
        }
    }

    /// Each simple scalar is a Character of its own beside any neighbour, and no
    /// other scalar is canonically equal to it.
    @Test func simpleScalarsAreCharactersOfTheirOwn() {
        var checked = 0
        for v in 0...0x2FFFF {
            guard let s = Unicode.Scalar(v), SimpleCharacters.isSimple(UInt32(v)) else { continue }
            let c = String(s)
            // Letters, Hangul jamo and syllables, a regional indicator, and itself.
            for n in ["a", " ", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{1F1E9}", c] {
                #expect((n + c).count == 2, "\(v) after \(n)")
                #expect((c + n).count == 2, "\(v) before \(n)")
            }
            let decomposed = c.decomposedStringWithCanonicalMapping.unicodeScalars
            #expect(decomposed.count > 1 || decomposed.first == s, "\(v) has a one-scalar decomposition")
            #expect(bytes(c.precomposedStringWithCanonicalMapping) == bytes(c), "\(v) is not in NFC")
            checked += 1
        }
        #expect(checked > 1500)
        #expect(SimpleCharacters.all("Grüße — “quoted” ΣΟΦΙΑ Ⅻ"))
        #expect(!SimpleCharacters.all("e\u{301}") && !SimpleCharacters.all("a\r\nb") && !SimpleCharacters.all("日本") && !SimpleCharacters.all("\u{212A}"))
    }

    /// Random text of simple scalars: ASCII (controls too), Latin, punctuation, and the marks the code looks for.
    static func simpleText(_ generator: inout some RandomNumberGenerator) -> String {
        let pool = Array(" \t\u{0B}\u{1F}aZ09.,:;'\"|>*#-…—–•·«»‹›“”’\u{A0}\u{AD}éÉßİ²ⅫΣЖ | · — ".unicodeScalars)
        var text = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
        return text
    }

    @Test func simpleTextPathsMatchCharacterPaths() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.simpleText(&generator)
            #expect(SimpleCharacters.all(text))
            #expect(SimpleCharacters.count(text) == text.count)
            var copy = text
            let simple = copy.withUTF8 { DateParser.tokenize(simple: $0) }
            let characters = DateParser.tokenizeCharacters(text)
            #expect(simple.map(\.text) == characters.map(\.text) && simple.map(\.kind) == characters.map(\.kind), "\(Array(text.unicodeScalars))")
            for separator in [" | ", " · ", " — ", " - ", ", ", "·"] {
                #expect(text.simpleComponents(separatedBy: separator) == text.components(separatedBy: separator), "\(Array(text.unicodeScalars))")
            }
            #expect(TextSignals.isChrome(text) == TextSignals.chrome.contains(text))
            if text.utf8.contains(where: { $0 >= 0x80 }) {  // ASCII has its own path, which also trims controls
                #expect(bytes(TextSignals.normalized(text)) == bytes(TextSignals.trimCharacters(text.quickLowercased())), "\(Array(text.unicodeScalars))")
            }
        }
        for text in ["14 February 2026", "Feb. 14, 2026 · 10:00 am", "2026-02-14T10:00:00Z", "14. März 2026", "1er mars 2026, à 9 h"] {
            var copy = text
            #expect(copy.withUTF8 { DateParser.tokenize(simple: $0) }.map(\.text) == DateParser.tokenizeCharacters(text).map(\.text))
        }
    }

    @Test func everyChromePhraseIsChrome() {
        for phrase in TextSignals.chrome { #expect(TextSignals.isChrome(phrase)) }
        #expect(!TextSignals.isChrome(String(repeating: "skip to main content ", count: 3)))
    }

    @Test func unitStatsNeverMissCookies() {
        for text in ["We use COOKIES", "cooKie", "coo\u{212A}ie", "İ", "no", "cook ie", "Çookie", "c\u{130}ookie", "", "ccookie", "cocookie"] {
            let contains = text.lowercased().utf8Range(of: "cookie") != nil
            var stats = TextUnit.Stats()
            var copy = text
            copy.withUTF8 { stats.scan($0) }
            #expect(!contains || stats.mayMentionCookies, "\(text)")
            if !text.unicodeScalars.contains(where: { $0.value == 0x130 || $0.value == 0x212A }) { #expect(contains == stats.mayMentionCookies, "\(text)") }
            #expect(stats.words.count == WordCount.count(text))
        }
    }

    /// Compared byte for byte: String's == would accept canonically equivalent text.
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
