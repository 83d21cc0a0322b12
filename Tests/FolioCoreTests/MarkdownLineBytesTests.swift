import Foundation
import Testing
@testable import FolioCore

/// Line tests of the Markdown reader done on bytes (a lone image line, front matter's
/// trimming and closing line) give what the scalar and Character code gives.
struct MarkdownLineBytesTests {
    static let pieces = ["", " ", "  ", "\t", "\u{301}", "\u{600}", "\u{A0}", "\u{2003}", "\u{200B}", "\u{FEFF}", "a", "é", "日", "😀",
                         "!", "[", "]", "(", ")", "](", "![", "![a](b)", "\\", "-", "---", ".", "...", ":", "\"", "x y", "“", "—"]

    static func randomText(_ generator: inout some RandomNumberGenerator, count: ClosedRange<Int> = 0...10) -> String {
        var text = ""
        for _ in 0..<Int.random(in: count, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test func standaloneImageMatchesCharacters() {
        var generator = SystemRandomNumberGenerator()
        var lines = ["", "!", "![", "![]()", "![a](b)", "![a](b) ![c](d)", "![a]\u{301}(b)", "![a](b)\u{301}", "!\u{301}[a](b)",
                     "![a b  c](x.jpg)", "![alt](x](y)", "![é “q”](日.png)", "![a](b", "![a]x(b)", String(repeating: "![", count: 500) + ")"]
        for _ in 0..<20000 {
            let body = Self.randomText(&generator)
            lines.append(Bool.random(using: &generator) ? "![" + body + ")" : body)
            lines.append("![" + Self.randomText(&generator, count: 0...3) + "](" + Self.randomText(&generator, count: 0...3) + ")")
        }
        for line in lines {
            #expect(MarkdownBlocks.standaloneImage(line) == MarkdownBlocks.standaloneImageCharacters(line), "\(Array(line.unicodeScalars))")
        }
        #expect(MarkdownBlocks.standaloneImage("![a  b](c)") == "a b")
        #expect(MarkdownBlocks.standaloneImage("![a](b) and ![c](d)") == nil)
    }

    @Test func frontMatterTrimMatchesScalarTrim() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["", " ", "\t \t", "\u{A0}", " \u{A0}a\u{2003} ", " a ", "a", "\u{200B}x", "x\u{3000}", "\u{301} ", " \u{301}"]
        for _ in 0..<20000 { texts.append(Self.randomText(&generator)) }
        for text in texts {
            let sub = ("«" + text + "»").dropFirst().dropLast()
            #expect(Array(FrontMatter.trimSpaces(text[...]).utf8) == Array(text.trimmingSpaces().utf8), "\(Array(text.unicodeScalars))")
            #expect(Array(FrontMatter.trimSpaces(sub).utf8) == Array(sub.trimmingSpaces().utf8))
            // A line ruled out as a closing line never trims to one.
            if !FrontMatter.mayClose(sub) {
                let t = sub.trimmingSpaces()
                #expect(t != "---" && t != "...", "\(Array(text.unicodeScalars))")
            }
        }
        #expect(FrontMatter.mayClose(" ---") && FrontMatter.mayClose("\u{A0}...") && !FrontMatter.mayClose("") && !FrontMatter.mayClose("a---"))
    }
}
