import Foundation
import Testing
@testable import FolioCore

/// Checks that rule lines out, or words in, before the full reading give what the full reading gives.
struct PlainTextShortcutTests {
    /// Pieces that start or imitate byline prefixes and dates, with case, accents and combining marks.
    static let seeds = ["By ", "BY ", "by", "b", "Words by ", "WRITTEN BY ", "Story By ", "Von ", "par ", "Por ", "Text: ", "Autor: ",
                        "AUTHOR: ", "Autorin: ", "B\u{301}y ", "by\u{301} ", "by \u{301}", "\u{212A}", "\u{130}", "Wr\u{130}tten by ", "*By ",
                        "_by ", "Byline ", "Bypass ", "  By ", "By\u{A0}", "Au", "Par", "2026", "14 February 2026", "2026-02-14", "Feb. 14, 2026",
                        "14.02.2026", "2026年2月14日", "202", "20 26", "２０２６", "3\u{301}", "12345", "June 3, 26",
                        " *By ", "*_by ", "_By ", "\u{A0}By ", "\u{3000}von ", "\u{200B}par ", "\t*BY ", "** by ", "*\u{301}By "]

    static func line(_ random: inout PlainTextRandom) -> String {
        (Int.random(in: 0...2, using: &random) == 0 ? "" : Self.seeds.randomElement(using: &random)!)
            + random.text(maxPieces: 10) + (Int.random(in: 0...2, using: &random) == 0 ? Self.seeds.randomElement(using: &random)! : "")
    }

    @Test func bylinePrefixCheckPassesEveryLineThatHasAPrefix() {
        var random = PlainTextRandom(seed: 53)
        let prefixes = ["by ", "words by ", "written by ", "story by ", "von ", "par ", "por ", "text: ", "autor: ", "author: ", "autorin: "]
        var withPrefix = 0, ruledOut = 0
        for _ in 0..<8000 {
            var text = Self.line(&random)
            if Bool.random(using: &random) { text += Self.seeds.randomElement(using: &random)!.prefix(1) }
            // Trimmed as `Byline.parse` trims before it looks for a prefix.
            var trimmed = text.trimmingSpaces()
            while let f = trimmed.first, "*_".contains(f), let l = trimmed.last, l == f {
                trimmed = String(trimmed.dropFirst().dropLast()).trimmingSpaces()
            }
            let lower = trimmed.quickLowercased()
            if prefixes.contains(where: { lower.hasPrefix($0) }) {
                withPrefix += 1
                #expect(Byline.mayStartWithPrefix(text), "\(Array(text.unicodeScalars))")
            } else if !Byline.mayStartWithPrefix(text) {
                ruledOut += 1
            }
        }
        #expect(withPrefix > 300 && ruledOut > 3000)
        #expect(Byline.parse("BY ILSE MARWICK | 3 June 2026")?.author == "Ilse Marwick")
        #expect(Byline.parse("*Von Anna Weber*")?.author == "Anna Weber")
        #expect(Byline.parse("Bypass the ring road") == nil)
        #expect(Byline.parse("  *By Priya Raman · Harbour Daily*")?.others == ["Harbour Daily"])
    }

    @Test func textWithoutFourDigitsHasNoDate() {
        var random = PlainTextRandom(seed: 59)
        var dated = 0, skipped = 0
        for _ in 0..<8000 {
            let text = Self.line(&random)
            let found = DateParser.findInTokens(text)
            if found != nil { dated += 1 }
            if !DateParser.hasFourDigits(text) {
                skipped += 1
                #expect(found == nil, "\(Array(text.unicodeScalars))")
            }
            #expect(DateParser.find(in: text) == found)
        }
        #expect(dated > 300 && skipped > 3000)
        #expect(DateParser.hasFourDigits("x2026") && !DateParser.hasFourDigits("202 6") && !DateParser.hasFourDigits("２０２６"))
    }

    @Test func readingTimeAndURLChecksPassEveryMatch() {
        var random = PlainTextRandom(seed: 79)
        let pieces = ["6 min read", "4 minutes read", "lesezeit: 3", "temps de lecture", "min de lectura", "URL: https://x.example/a",
                      "https://example.org/2026/02/14/slug", "Source: http://a.example/b", "Link:", "Quelle: https://q.example/x",
                      "Canonical: https://c.example/d", "Original: https://o.example/p", "http://", "url: https://l.example/x"]
        var matched = 0
        for round in 0..<6000 {
            let text = (round % 2 == 0 ? pieces.randomElement(using: &random)! : "") + random.text(maxPieces: 4)
                + (round % 3 == 0 ? pieces.randomElement(using: &random)! : "")
            let normalized = TextSignals.normalized(text)
            if HeaderParts.isReadingTime(normalized) { matched += 1 }
            #expect(HeaderParts.isReadingTime(normalized) == (HeaderParts.mayBeReadingTime(normalized) && Self.referenceReadingTime(normalized)))
            #expect(HeaderParts.urlLine(text) == Self.referenceURLLine(text), "\(Array(text.unicodeScalars))")
        }
        #expect(matched > 100)
    }

    static func referenceReadingTime(_ normalized: String) -> Bool {
        normalized.count < 40 && (normalized.hasSuffix("min read") || normalized.hasSuffix("minute read") || normalized.hasSuffix("minutes read")
            || normalized.hasSuffix("mins read") || normalized.hasPrefix("lesezeit") || normalized.hasPrefix("temps de lecture")
            || normalized.hasPrefix("tiempo de lectura") || normalized.hasSuffix("min lesezeit") || normalized.hasSuffix("min de lecture")
            || normalized.hasSuffix("min de lectura") || normalized.hasSuffix("minuten lesezeit"))
    }

    /// `HeaderParts.urlLine` without the first-byte check.
    static func referenceURLLine(_ text: String) -> String? {
        guard let b = text.utf8.first, b != 0x20, text.utf8.count < 4000, text.containsByte(0x3A) else { return nil }
        var t = Substring(text)
        for label in ["URL:", "Url:", "Link:", "Source:", "Quelle:", "Fuente:", "Source :", "Original:", "Canonical:"] where t.hasPrefix(label) {
            t = t.dropFirst(label.count).drop(while: { $0 == " " })
        }
        let s = String(t)
        return HeaderParts.isURL(s) ? s : nil
    }

    @Test func readingTimeOnlyOnShortLines() {
        #expect(HeaderParts.isReadingTime("6 min read"))
        #expect(!HeaderParts.isReadingTime(String(repeating: "long ", count: 8) + "6 min read"))
        #expect(HeaderParts.isReadingTime("lesezeit: 4 minuten"))
        #expect(!HeaderParts.isReadingTime("a line about nothing"))
    }
}

/// Lines taken as they are, and pull quotes and site names keyed on bytes.
struct PlainTextLineShortcutTests {
    @Test func linesWithoutCollapsibleSpaceAreTakenAsTheyAre() {
        var random = PlainTextRandom(seed: 83)
        var direct = 0
        for _ in 0..<3000 {
            var text = random.text(maxPieces: 40)
            text.withUTF8 { bytes in
                let table = LineTable(bytes)
                for i in 0..<table.count {
                    var line = table[i]
                    let needs = line.withUTF8 { TextCleanup.needsCollapse($0) }
                    #expect(table.mayCollapse(i) || !needs, "\(Array(line.unicodeScalars))")
                    if !table.mayCollapse(i) { direct += 1 }
                }
            }
        }
        #expect(direct > 1000)
    }

    /// `FoldedLetters.of`, a scalar at a time as it was.
    static func referenceLetters(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
                else if ("A"..."Z").contains(scalar) { out += String(scalar).lowercased() }
            } else if FoldedLetters.latin.contains(v) || FoldedLetters.punctuation.contains(v) {
                out += FoldedLetters.foundation(String(scalar))
            } else {
                return FoldedLetters.foundation(text)
            }
        }
        return out
    }

    @Test func foldedLettersMatchTheScalarReference() {
        var random = PlainTextRandom(seed: 89)
        for round in 0..<3000 {
            let text = round == 0 ? "" : random.text(maxPieces: 30) + (round % 4 == 0 ? "ÆØÅ æøå Œuvre ǅ ½ ‰ …" : "")
            #expect(FoldedLetters.of(text) == Self.referenceLetters(text), "\(Array(text.unicodeScalars))")
        }
        #expect(FoldedLetters.of("Der Talbote") == "dertalbote")
    }
}

/// Copyright lines ruled out by their first byte are the lines the marks' loop finds nothing in.
struct PlainTextCopyrightTests {
    static func reference(_ text: String) -> String? {
        for mark in ["Copyright © ", "Copyright ", "© ", "©", "(c) ", "(C) "] where text.hasPrefix(mark) {
            var rest = Substring(text.dropFirst(mark.count))
            rest = rest.drop { $0.isNumber || $0 == " " || $0 == "–" || $0 == "-" || $0 == "," }
            if let name = Attribution.clean(String(rest)) { return name }
        }
        return nil
    }

    @Test func copyrightHolderMatchesTheMarksLoop() {
        var random = PlainTextRandom(seed: 103)
        let marks = ["Copyright © ", "Copyright ", "© ", "©", "(c) ", "(C) ", "C", "(", "©\u{301}", "copyright ", "\u{A9}2026 "]
        var found = 0
        for round in 0..<5000 {
            let text = (round % 2 == 0 ? marks.randomElement(using: &random)! : "") + (round % 3 == 0 ? "2026 Harbour Daily" : "")
                + random.text(maxPieces: 5)
            let fast = Attribution.copyrightHolder(text)
            #expect(fast == Self.reference(text), "\(Array(text.unicodeScalars))")
            if fast != nil { found += 1 }
        }
        #expect(found > 500)
    }
}
