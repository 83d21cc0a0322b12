import Foundation
import Testing
@testable import FolioCore

/// The inline parser's shortcuts: the search for a byte that may open something, the text
/// buffer that keeps a stretch of the paragraph as bounds, and `merge` passing one run through.
struct MarkdownInlineRunsTests {
    /// The sixteen-byte search stops where the byte loop stops, for openers at every
    /// place in and around a block of sixteen, among ASCII and non-ASCII bytes.
    @Test func openerSearchMatchesByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let plain: [UInt8] = [0x61, 0x20, 0x0A, 0x2C, 0x7D, 0x7F, 0x5D, 0x5E, 0x40, 0xC3, 0xA9, 0xE6, 0x97, 0xA5, 0xFF, 0x00]
        let openers: [UInt8] = [0x5C, 0x60, 0x21, 0x5B, 0x3C, 0x2A, 0x5F, 0x7E]
        for b in 0...255 {
            #expect(MarkdownInlines.opensSomething(UInt8(b)) == openers.contains(UInt8(b)), "\(b)")
        }
        let prose = Array("The cat, aged 9: sat (on) “a mat” — 'x' = y? {|} @Z/%".utf8)
        for round in 0..<20000 {
            let pool = round % 2 == 0 ? plain : prose
            var bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            for _ in 0..<Int.random(in: 0...2, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = openers.randomElement(using: &generator)!
            }
            let from = Int.random(in: 0...bytes.count, using: &generator), to = Int.random(in: from...bytes.count, using: &generator)
            let found = bytes.withUnsafeBufferPointer { b in b.baseAddress.map { MarkdownInlines.firstOpener($0, from: from, to: to) } ?? from }
            #expect(found == MarkdownInlines.firstOpenerReference(bytes, from: from, to: to), "\(bytes) \(from) \(to)")
        }
    }

    /// A word is passed over exactly when each of its bytes is in the plain set, at every lane.
    @Test func plainWordIsEachBytePlain() {
        func isPlain(_ b: UInt8) -> Bool {
            b >= 0x80 || b == 0x20 || (0x22...0x29).contains(b) || (0x2B...0x3B).contains(b) || (0x3D...0x5A).contains(b) || (0x61...0x7D).contains(b)
        }
        for b in 0...255 {
            #expect(!isPlain(UInt8(b)) || !MarkdownInlines.opensSomething(UInt8(b)))
            for lane in 0..<8 {
                for filler in [UInt8(0x61), 0x20, 0xC3, 0x7D] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[lane] = UInt8(b)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(MarkdownInlines.plainWord(word) == isPlain(UInt8(b)), "\(b) at \(lane)")
                }
            }
        }
    }

    /// Random appends of stretches (next to the last one or not) and of other text give
    /// the String of the same bytes appended to a plain array.
    @Test func textBufferMatchesByteArray() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x0A], Array("é".utf8), Array("日".utf8), [0xE6], [0x97], [0xFF], Array("\r\n".utf8), Array("😀".utf8)]
        for _ in 0..<5000 {
            let source = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            var buffer = InlineTextBuffer()
            var reference: [UInt8] = []
            var position = 0
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                switch Int.random(in: 0...3, using: &generator) {
                case 0 where position < source.count:  // the next stretch, right after the last
                    let end = Int.random(in: position...source.count, using: &generator)
                    buffer.append(position, end, source)
                    reference += source[position..<end]
                    position = end
                case 1:  // a stretch from anywhere
                    let lo = Int.random(in: 0...source.count, using: &generator), hi = Int.random(in: lo...source.count, using: &generator)
                    buffer.append(lo, hi, source)
                    reference += source[lo..<hi]
                    position = hi
                case 2:
                    let text = ["\n", "", "é", " "].randomElement(using: &generator)!
                    buffer.append(text, source)
                    reference += Array(text.utf8)
                default:
                    if Bool.random(using: &generator) { buffer.removeAll(); reference = [] }
                }
                #expect(buffer.isEmpty == reference.isEmpty)
                #expect(buffer.string(source) == String(decoding: reference, as: UTF8.self), "\(source) \(reference)")
                #expect(Array(buffer.string(source).utf8) == Array(String(decoding: reference, as: UTF8.self).utf8))
            }
        }
    }

    @Test func mergeMatchesReference() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let runs = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                Inline(["", "a", " ", "é"].randomElement(using: &generator)!, style: Bool.random(using: &generator) ? [] : .emphasis,
                       linkNumber: Bool.random(using: &generator) ? nil : 1)
            }
            #expect(MarkdownInlines.merge(runs) == MarkdownInlines.mergeReference(runs), "\(runs)")
        }
    }

    /// The first-byte answer for "has a Character that is not whitespace" agrees with walking them.
    @Test func visibleTextMatchesCharacterWalk() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["", " ", "\t", "\n", "\u{B}", "\u{1C}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2003}", "\u{301}", "a", "!", "~", "é", "日"]
        for _ in 0..<20000 {
            let runs = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                Inline((0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
            let reference = !runs.isEmpty && !runs.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) })
            #expect(MarkdownBlocks.hasVisibleText(runs) == reference, "\(runs)")
        }
    }

    /// Paragraphs of plain text, escapes, line breaks from HTML and emphasis read as before:
    /// the runs' text is the same whether or not it was copied.
    @Test func inlineTextKeepsItsBytes() {
        let inlines = MarkdownInlines(links: LinkTable(), references: [:])
        #expect(inlines.parse("plain words") == [Inline("plain words")])
        #expect(inlines.parse("a\\*b\\\\c") == [Inline("a*b\\c")])
        #expect(inlines.parse("a<br>b") == [Inline("a\nb")])
        #expect(inlines.parse("日本 *é* x") == [Inline("日本 "), Inline("é", style: .emphasis), Inline(" x")])
        #expect(inlines.parse("a &amp; b") == [Inline("a & b")])
        #expect(inlines.parse(bytes: [0x61, 0xE6, 0x97]) == [Inline(String(decoding: [0x61, 0xE6, 0x97] as [UInt8], as: UTF8.self))])
        #expect(inlines.parse("") == [])
    }
}
