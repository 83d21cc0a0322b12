import Testing
@testable import FolioCore

/// `MarkdownBlocks.isPlainTextLine` (a "|" looked for with memchr) gives what the
/// rule it implements gives, written out plainly.
struct MarkdownPlainLineTests {
    static func reference(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0, columns = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
            columns += bytes[i] == 0x09 ? 4 - columns % 4 : 1
            i += 1
        }
        guard i < bytes.count, columns < 4 else { return false }
        let first = bytes[i]
        guard first >= 0x80 || (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) else { return false }
        return !bytes.contains(0x7C)
    }

    @Test func matchesReference() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "\t", "|", "é", "日", "-", "1.", "#", ">", "`", "\u{301}", "word ", "||"]
        var lines = ["", "|", "a|", "a |", "    a", "   a|b", "\ta", "a" + String(repeating: "b", count: 100) + "|"]
        for _ in 0..<5000 {
            lines.append((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for line in lines {
            let sub = ("x" + line + "y").dropFirst().dropLast()
            #expect(MarkdownBlocks.isPlainTextLine(sub) == Self.reference(sub), "\(Array(line.unicodeScalars))")
        }
    }
}
