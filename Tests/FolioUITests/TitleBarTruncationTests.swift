import Testing
import TermKit
@testable import FolioUI

/// The title bar shortens a long folder name from the left ("…/Articles/2026").
struct TitleBarTruncationTests {
    /// The first way it was written: the tail re-measured whole for each character added.
    static func reference(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var tail = ""
        for character in text.reversed() {
            if DisplayWidth.of(tail) + DisplayWidth.of(character) + 1 > width { break }
            tail.insert(character, at: tail.startIndex)
        }
        return "…" + tail
    }

    @Test func keepsTheLongestTailThatFits() {
        let pieces = ["a", "/", "Articles", "2026", " ", "é", "e\u{301}", "日本", "👍🏽", "─", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let width = Int.random(in: 1...30, using: &generator)
            let shortened = TitleBar.leftTruncated(text, to: width)
            #expect(shortened == Self.reference(text, to: width), "\(text) in \(width)")
            #expect(DisplayWidth.of(shortened) <= max(width, 1))
        }
        #expect(TitleBar.leftTruncated("~/Articles/2026", to: 10) == "…cles/2026")
        #expect(TitleBar.leftTruncated("~/Articles", to: 20) == "~/Articles")
    }
}
