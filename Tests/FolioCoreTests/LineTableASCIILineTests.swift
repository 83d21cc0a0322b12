import Foundation
import Testing
@testable import FolioCore

/// `LineTable` makes an ASCII line from its bytes and cuts any other from its file's
/// String: both give the line `TextLines.lines` gives, with the same bytes, on files
/// that mix ASCII and other lines, CR LF, bare CR, blank and very long lines.
struct LineTableASCIILineTests {
    static func file(_ random: inout PlainTextRandom, round: Int) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: lines.append(String(repeating: "plain words ", count: Int.random(in: 0...30, using: &random)))
            case 1: lines.append(random.text(maxPieces: 30))
            case 2: lines.append("")
            case 3: lines.append("caf\u{E9} \u{201C}quoted\u{201D} \u{2014} done")
            case 4: lines.append(String(repeating: "x", count: Int.random(in: 1990...2010, using: &random)))
            default: lines.append("\t| a | b |  ")
            }
        }
        let breaks = ["\n", "\r\n", "\r", "\n\n"]
        var text = ""
        for line in lines { text += line + breaks.randomElement(using: &random)! }
        if round % 3 == 0, !text.isEmpty { text.removeLast() }
        return text
    }

    @Test func asciiAndOtherLinesMatchStringLines() {
        var random = PlainTextRandom(seed: 2801)
        for round in 0..<3000 {
            var text = Self.file(&random, round: round)
            let lines = TextLines.lines(text)
            text.makeContiguousUTF8()
            let whole = text
            text.withUTF8 { bytes in
                let table = LineTable(bytes, of: whole)
                #expect(table.count == lines.count, "\(Array(whole.unicodeScalars))")
                guard table.count == lines.count else { return }
                for (i, line) in lines.enumerated() {
                    let cut = table[i]
                    #expect(Array(cut.utf8) == Array(line.utf8), "\(Array(line.unicodeScalars))")
                    #expect(cut == line)
                    #expect(cut.count == line.count)
                    #expect(Array(table.collapsed(i).utf8) == Array(TextCleanup.collapseWhitespace(line).utf8))
                }
            }
        }
    }
}
