import Foundation
import Testing
@testable import FolioCore

/// `SkippingPhraseSearch` finds a phrase exactly where `PhraseIndex` (which looks at every
/// byte) finds one: in any letter case, at the start or end of the text, overlapping, cut
/// short, with marks and other bytes past ASCII around them.
struct SkippingPhraseSearchTests {
    static func check(_ phrases: [String], _ text: String, _ skipping: SkippingPhraseSearch, _ index: PhraseIndex) {
        var copy = text
        copy.withUTF8 { bytes in
            #expect(skipping.anyPresent(inASCIIIgnoringCase: bytes) == index.anyPresent(inASCIIIgnoringCase: bytes),
                    "\(Array(text.unicodeScalars))")
        }
    }

    @Test func findsWhatEveryPositionFinds() {
        let lists = [Attribution.asciiMarkers, ["ab", "abc", "bcd"], ["hello world", "world peace", "xx"], ["aaaa", "aab"]]
        var random = PlainTextRandom(seed: 2817)
        for phrases in lists {
            let skipping = SkippingPhraseSearch(phrases), index = PhraseIndex(phrases)
            let pieces = phrases + ["a", "b", " ", "x", "first", "published", "Originally ", "On ", "\u{201C}", "\u{2014}", "é", "\t",
                                    "appeared", "ORIGINALLY PUBLISHED AT ", "zuerst ", "est paru", "aa", "d", "c", "world", "hello"]
            for round in 0..<20000 {
                var text = ""
                for _ in 0..<Int.random(in: 0...(round % 10 == 0 ? 60 : 8), using: &random) {
                    var piece = pieces.randomElement(using: &random)!
                    switch Int.random(in: 0..<6, using: &random) {
                    case 0: piece = piece.uppercased()
                    case 1: piece = String(piece.dropLast())
                    case 2: piece = String(piece.dropFirst())
                    default: break
                    }
                    text += piece
                }
                Self.check(phrases, text, skipping, index)
            }
            for phrase in phrases {
                for text in [phrase, phrase.uppercased(), "x" + phrase, phrase + "x", String(phrase.dropLast()), "", "a"] {
                    Self.check(phrases, text, skipping, index)
                }
            }
        }
    }
}
