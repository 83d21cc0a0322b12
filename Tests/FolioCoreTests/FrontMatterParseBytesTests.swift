import Foundation
import Testing
@testable import FolioCore

/// `FrontMatter.parse` decides line starts, prefixes and one-line plain values on bytes;
/// it must read every front matter the way the Character-level loop it replaced did.
struct FrontMatterParseBytesTests {
    static let pieces = ["", " ", "  ", "\t", "\r", "\u{301}", "\u{600}", "\u{A0}", "\u{2003}", "\u{FEFF}", "\u{85}", "\u{2028}",
                         "\u{37E}", "\u{1FEF}", "\u{212A}", "a", "Z", "é", "日", "😀", "\\", "|", ":", ": ", "-", "- ", "#", ">", "[", "]",
                         "]],", "[[", "]]", ",", "\"", "'", "''", "\\\"", "title", "tags", "author", "1", "+", "“", "—"]

    static func randomLine(_ generator: inout some RandomNumberGenerator) -> Substring {
        var text = ""
        for _ in 0..<Int.random(in: 0...10, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text[...]
    }

    /// Lines shaped like front matter, with random pieces around the marks.
    static func randomYAMLLine(_ generator: inout some RandomNumberGenerator) -> Substring {
        let drawn = String(randomLine(&generator)), value = String(randomLine(&generator))
        let key = drawn.isEmpty ? "title" : drawn
        let line: String
        switch Int.random(in: 0...17, using: &generator) {
        case 0: line = key + ": " + value
        case 1: line = key + ":" + value
        case 2: line = " " + key + ": " + value
        case 3: line = "\t" + value
        case 4: line = "  - " + value
        case 5: line = "- " + value
        case 6: line = key + ": \"" + value + "\""
        case 7: line = key + ": '" + value + "'"
        case 8: line = key + ": [" + value + ", " + key + "]"
        case 9: line = key + ": |"
        case 10: line = key + ": >-"
        case 11: line = key + ": [[" + value + "]]"
        case 12: line = key + ":"
        case 13: line = "# " + value
        case 14: line = "-"
        case 15: line = " \u{301}" + value
        case 16: line = "\t\u{301}- " + value
        default: line = value
        }
        return line[...]
    }

    @Test func parseMatchesCharacterLoop() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let lines = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Bool.random(using: &generator) ? Self.randomYAMLLine(&generator) : Self.randomLine(&generator)
            }
            #expect(FrontMatter.parse(lines[...]) == Self.referenceParse(lines[...]), "\(lines.map { Array($0.unicodeScalars) })")
        }
        let edge: [[Substring]] = [[], [""], ["title: A"], ["title:  A  "], ["title: A", "  more"], ["title: A\u{85}"],
                                   ["title: \u{A0}A"], ["title: A", "\u{301}x"], [" \u{301}title: A"], ["#\u{301}: x"],
                                   ["tags:", "-\u{301} a", "- b"], ["title: 'A", "  B'"], ["title: \"A", "\tB"]]
        for lines in edge { #expect(FrontMatter.parse(lines[...]) == Self.referenceParse(lines[...]), "\(lines)") }
    }

    @Test func asciiPrefixMatchesHasPrefix() {
        var generator = SystemRandomNumberGenerator()
        let prefixes: [StaticString] = ["#", "- ", "\"", "'", "-", "[", "[["]
        for _ in 0..<20000 {
            let line = Self.randomLine(&generator)
            let text = String(line)
            for prefix in prefixes {
                #expect(text.hasASCIIPrefix(prefix) == text.hasPrefix(prefix.description), "\(Array(text.unicodeScalars)) \(prefix)")
                #expect(line.hasASCIIPrefix(prefix) == line.hasPrefix(prefix.description))
            }
            #expect(FrontMatter.startsIndented(line) == (line.first == " " || line.first == "\t"), "\(Array(line.unicodeScalars))")
        }
    }

    @Test func byteSearchMatchesByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let bytes: [UInt8] = [0x5D, 0x5D, 0x2C, 0x27, 0x5C, 0x22, 0x61, 0xC2, 0xA0]
        for _ in 0..<20000 {
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in bytes.randomElement(using: &generator)! }
            value.withUnsafeBufferPointer { b in
                let lo = Int.random(in: 0...value.count, using: &generator), hi = Int.random(in: lo...value.count, using: &generator)
                for (f, s, t) in [(UInt8(0x5D), UInt8(0x5D), UInt8?(0x2C)), (0x5D, 0x5D, nil), (0x27, 0x27, nil), (0x5C, 0x22, nil)] {
                    #expect(FrontMatterValue.contains(b, lo, hi, f, s, t) == FrontMatterValue.containsReference(b, lo, hi, f, s, t), "\(value) \(lo) \(hi)")
                }
            }
        }
    }

    /// `FrontMatter.parse` as it was before this change: each line made a String and asked by Character.
    static func referenceParse(_ lines: ArraySlice<Substring>) -> FrontMatter {
        var matter = FrontMatter()
        var currentKey: String?
        var block: (key: String, literal: Bool, lines: [String], split: Bool)?

        func finishBlock() {
            guard let b = block else { return }
            let joined = b.literal ? b.lines.joined(separator: "\n") : b.lines.joined(separator: " ")
            let value = joined.trimmingSpacesAndNewlines()
            if b.split && value.utf8.elementsEqual(b.lines[0].utf8) { block = nil; return }
            if !FrontMatter.clean(value).isEmpty { matter.values[b.key] = FrontMatter.splitWikiLinks(value) }
            block = nil
        }

        for raw in lines {
            let line = String(raw)
            let trimmed = FrontMatter.trimSpaces(line[...])
            let indented = line.first == " " || line.first == "\t"
            if block != nil {
                if indented || trimmed.isEmpty { block!.lines.append(trimmed); continue }
                finishBlock()
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- ") || trimmed == "-", let key = currentKey {
                matter.values[key, default: []].append(FrontMatter.clean(String(trimmed.dropFirst(1))))
                continue
            }
            guard !indented, let colon = line.firstIndex(ofASCII: 0x3A) else { continue }
            let key = FrontMatter.trimSpaces(line[..<colon]).quickLowercased()
            guard !key.isEmpty else { continue }
            let value = FrontMatter.trimSpaces(line[line.index(after: colon)...])
            currentKey = key
            if let indicator = value.first, indicator == "|" || indicator == ">",
               value.dropFirst().allSatisfy({ "+-0123456789 ".contains($0) }) {
                matter.values[key] = []
                block = (key, indicator == "|", [], false)
            } else if value.isEmpty {
                matter.values[key] = []
            } else if value.hasPrefix("["), value.hasSuffix("]"), !(value.hasPrefix("[[") && value.hasSuffix("]]")) {
                matter.values[key] = FrontMatter.splitInlineList(String(value.dropFirst().dropLast())).map(FrontMatter.clean)
            } else {
                matter.values[key] = FrontMatter.splitWikiLinks(value)
                if !value.hasPrefix("\""), !value.hasPrefix("'") { block = (key, false, [value], true) }
            }
        }
        finishBlock()
        return matter
    }
}
