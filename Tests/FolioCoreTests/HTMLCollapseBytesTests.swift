import Foundation
import Testing
@testable import FolioCore

/// `BlockBuilder.collapse`, which writes each run's bytes straight into its new
/// String, gives what the byte-at-a-time version it replaced gave.
struct HTMLCollapseBytesTests {
    /// The collapse as first written: one byte at a time into an array.
    static func reference(_ runs: [Inline]) -> [Inline] {
        var result: [Inline] = []
        var pendingSpace = false
        var last: UInt8 = 0
        for run in runs {
            var out: [UInt8] = []
            let bytes = Array(run.text.utf8)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8 {
                    out.append(0x0A); last = 0x0A; pendingSpace = false; i += 3; continue
                }
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = true; i += 1; continue
                }
                if pendingSpace && last != 0 && last != 0x0A {
                    if out.isEmpty && !run.style.isEmpty { result[result.count - 1].text += " " } else { out.append(0x20) }
                }
                pendingSpace = false
                if byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 {
                    out.append(0x20); last = 0x20; i += 2; continue
                }
                out.append(byte); last = byte; i += 1
            }
            if !out.isEmpty { result.append(Inline(String(decoding: out, as: UTF8.self), style: run.style, linkNumber: run.linkNumber)) }
        }
        return result
    }

    static let pieces = ["", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{0B}", "\u{01}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2014}", "\u{2003}",
                         "a", "word", "é", "日本", "😀", "\u{301}", "x\u{A0}y", ",", "\u{7F}", "\u{C2}"]

    @Test func collapseMatchesByteAtATime() {
        var generator = SystemRandomNumberGenerator()
        let styles: [Inline.Style] = [[], [], .emphasis, .link, [.strong, .code]]
        for _ in 0..<20000 {
            var runs: [Inline] = []
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                var text = ""
                for _ in 0..<Int.random(in: 0...8, using: &generator) { text += Self.pieces.randomElement(using: &generator)! }
                let style = styles.randomElement(using: &generator)!
                runs.append(Inline(text, style: style, linkNumber: style.contains(.link) ? 1 : nil))
            }
            #expect(BlockBuilder.collapse(runs) == Self.reference(runs), "\(runs.map { Array($0.text.unicodeScalars) })")
        }
        let long = Inline(String(repeating: "ab  c\u{A0}\u{2028} ", count: 20000))
        #expect(BlockBuilder.collapse([long, Inline(" x", style: .link)]) == Self.reference([long, Inline(" x", style: .link)]))
        #expect(BlockBuilder.collapse([Inline("a "), Inline("b", style: .emphasis)]) == [Inline("a "), Inline("b", style: .emphasis)])
    }

    @Test func ampersandFoundLikeTheByteLoop() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text += ["a", "&", "é", "&amp;", " ", "日", "&#x41;"].randomElement(using: &generator)! }
            #expect(HTMLEntities.hasAmpersand(text) == text.utf8.contains(0x26))
            let bridged = NSString(string: text) as String
            #expect(HTMLEntities.hasAmpersand(bridged) == text.utf8.contains(0x26))
        }
        #expect(HTMLEntities.decode("a &amp; b") == "a & b" && HTMLEntities.decode("plain") == "plain")
    }
}
