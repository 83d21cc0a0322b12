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

    /// Compared byte for byte: String's == would accept canonically equivalent text.
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
