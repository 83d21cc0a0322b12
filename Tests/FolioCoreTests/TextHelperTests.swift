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
        let phrases = ["appeared first on ", "first published in ", "publié à l'origine sur ", "on ", "o"]
        let index = PhraseIndex(phrases)
        for text in ["", "o", "this story appeared first on harbour daily", "publié à l'origine sur le site, first published in may",
                     "appeared first o", "no match here", "ooo on on"] {
            #expect(index.present(in: text) == phrases.indices.filter { text.utf8Range(of: phrases[$0]) != nil })
        }
    }

    /// Compared byte for byte: String's == would accept canonically equivalent text.
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
