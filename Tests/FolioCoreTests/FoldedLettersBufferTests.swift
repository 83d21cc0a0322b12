import Foundation
import Testing
@testable import FolioCore

/// `FoldedLetters.of` writes into a buffer of `expansion` bytes for each input byte: every
/// fold fits, and the result is what appending each folded scalar gives (and Foundation's
/// folding for the rest), on random text of ASCII, Latin, punctuation and other scripts.
struct FoldedLettersBufferTests {
    @Test func everyFoldFitsTheBuffer() {
        for v in FoldedLetters.latin.lowerBound...FoldedLetters.punctuation.upperBound {
            guard let scalar = Unicode.Scalar(v), let folded = FoldedLetters.table(v) else { continue }
            #expect(folded.count <= FoldedLetters.expansion * String(scalar).utf8.count, "\(v)")
        }
    }

    static func reference(_ text: String) -> String {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { out.append(b) } else if b >= 0x41 && b <= 0x5A { out.append(b | 0x20) }
            } else if let folded = FoldedLetters.table(v) {
                out.append(contentsOf: folded)
            } else {
                return FoldedLetters.foundation(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func matchesAppendingEachFold() {
        var random = PlainTextRandom(seed: 2815)
        let pieces = ["Der Talbote", "ÆØÅ æøå", "Œuvre", "ǅ", "ß", "½", "“Quoted” — dash…", "@[`{/:", "0123456789", " ", "日本", "ж",
                      "e\u{301}", "\u{2028}", "Straße", "ŁÓDŹ", "ÿ", "\u{24F}", "\u{250}", "\u{206F}", "\u{2070}"]
        for round in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round % 10 == 0 ? 400 : 20), using: &random) {
                text += Int.random(in: 0..<3, using: &random) == 0 ? random.text(maxPieces: 2) : pieces.randomElement(using: &random)!
            }
            #expect(Array(FoldedLetters.of(text).utf8) == Array(Self.reference(text).utf8), "\(Array(text.unicodeScalars))")
        }
        #expect(FoldedLetters.of("") == "")
    }
}
