import Foundation

/// The title, subtitle, byline, date and URL that sit above a page dump's
/// body, found by walking back from the body's first unit and skipping
/// section labels ("World News", "CLIMATE") and site chrome.
struct HeaderParts {
    var title: String?
    var subtitle: String?
    var author: String?
    var date: Date?
    var url: String?
    /// Index of the unit taken as the title (nothing above it is header).
    var titleIndex: Int?

    /// Reads the header from the units above `start`. `navigation` holds the
    /// normalized text of the page's menu items, so that a section label
    /// repeating one ("Climate") is not taken for a title.
    mutating func read(_ units: [TextUnit], before start: Int, navigation: Set<String> = [], candidates limit: Int = 2,
                       bylines: BylineMemo? = nil) {
        let bylines = bylines ?? BylineMemo(units)
        var candidates: [Int] = []
        var j = start - 1
        while j >= 0, start - j <= 16 {
            let unit = units[j]
            j -= 1
            if unit.kind == .end || unit.kind == .table { break }
            if unit.kind == .chrome {
                if candidates.isEmpty { continue } else { break }
            }
            if readMeta(unit, byline: bylines.byline(j + 1)) { continue }
            if !candidates.isEmpty, Self.isLabel(unit, navigation: navigation) { break }
            // A paragraph of several sentences is body text, not a header.
            if unit.sentences >= 3 || unit.words > 70 { break }
            if unit.isListItem { break }
            candidates.append(j + 1)
            if candidates.count == limit { break }
        }
        guard let nearIndex = candidates.first else { return }
        let near = units[nearIndex]
        if candidates.count == 2 {
            let far = units[candidates[1]]
            if Self.isTitleLike(far), far.words >= 3 || near.words <= far.words, near.words >= 5 || near.endsSentence {
                title = far.text
                subtitle = near.text
                titleIndex = candidates[1]
                return
            }
        }
        title = near.text
        titleIndex = nearIndex
    }

    /// Takes what a byline, date line, URL or reading-time line holds; true when the unit was one.
    mutating func readMeta(_ unit: TextUnit) -> Bool { readMeta(unit, byline: Byline.parse(unit.text)) }

    /// `readMeta`, given what `Byline.parse` makes of the unit's text.
    mutating func readMeta(_ unit: TextUnit, byline: Byline.Parts?) -> Bool {
        if let found = byline {
            if author == nil { author = found.author }
            if date == nil { date = found.date }
            return true
        }
        if unit.isMetaLine {
            if date == nil, let d = DateParser.find(in: unit.text) { date = d }
            return true
        }
        if DateParser.isDateLine(unit.text) {
            if date == nil { date = DateParser.find(in: unit.text) }
            if author == nil, let name = Self.nameBesideDate(unit.text) { author = name }
            return true
        }
        if let link = Self.urlLine(unit.text) {
            if url == nil { url = link }
            return true
        }
        return unit.isReadingTime
    }

    /// True for the lines `readMeta` takes, without taking anything.
    static func isMeta(_ unit: TextUnit) -> Bool {
        var scratch = HeaderParts()
        return scratch.readMeta(unit)
    }

    /// `isMeta(units[i])`, the byline read through `bylines`.
    static func isMeta(_ units: [TextUnit], _ i: Int, bylines: BylineMemo) -> Bool {
        var scratch = HeaderParts()
        return scratch.readMeta(units[i], byline: bylines.byline(i))
    }

    static func isTitleLike(_ unit: TextUnit) -> Bool {
        unit.words >= 2 && unit.words <= 30 && !unit.text.hasSuffix(".") && unit.sentences <= 1
    }

    /// A section label above a title: "World News", "CLIMATE", a menu item repeated.
    static func isLabel(_ unit: TextUnit, navigation: Set<String>) -> Bool {
        if unit.endsSentence && unit.words > 3 { return false }
        if unit.words <= 3 { return true }
        if unit.isAllCaps && unit.words <= 4 { return true }
        return unit.words <= 6 && navigation.contains(unit.normalized)
    }

    /// "Updated 4:52 pm", "Listen to this article · 6 min", "Photographs by …".
    static func isMetaLine(_ normalized: String, words: Int) -> Bool {
        guard words <= 8 else { return false }
        return metaPrefixes.contains { normalized.hasPrefix($0) }
    }

    /// `isMetaLine` of a simple normalized line given as its bytes: each prefix's Characters are
    /// single scalars in NFC (a test checks), so on simple text `hasPrefix` compares bytes.
    static func isMetaLine(_ line: FoldedLine, words: Int) -> Bool {
        guard words <= 8 else { return false }
        return metaPrefixBytes.contains(where: line.hasPrefix)
    }

    static let metaPrefixes = ["updated", "published", "posted", "last updated", "listen to", "reading time", "photographs by", "photos by",
                               "photo by", "photograph by", "illustrations by", "illustration by", "additional reporting", "edited by",
                               "aktualisiert", "veröffentlicht", "mis à jour", "publié", "actualizado", "publicado", "fotos:", "foto:",
                               "bild:", "photo:", "image:", "credit:", "lesezeit", "temps de lecture", "tiempo de lectura", "estimated reading"]
    private static let metaPrefixBytes = metaPrefixes.map { Array($0.utf8) }

    /// A bare URL line, or "URL: https://…", "Link: …".
    static func urlLine(_ text: String) -> String? {
        // Each label starts with one of "CFLOQSU", and a URL with "h": other first bytes rule a line out.
        guard let b = text.utf8.first, Self.mayStartURLLine(b), text.utf8.count < 4000, text.containsByte(0x3A) else { return nil }
        var t = Substring(text)
        for label in ["URL:", "Url:", "Link:", "Source:", "Quelle:", "Fuente:", "Source :", "Original:", "Canonical:"] where t.hasPrefix(label) {
            t = t.dropFirst(label.count).drop(while: { $0 == " " })
        }
        let s = String(t)
        return isURL(s) ? s : nil
    }

    /// "h" or one of "CFLOQSU".
    @inline(__always)
    private static func mayStartURLLine(_ b: UInt8) -> Bool {
        switch b {
        case 0x68, 0x43, 0x46, 0x4C, 0x4F, 0x51, 0x53, 0x55: return true
        default: return false
        }
    }

    static func isURL(_ text: String) -> Bool {
        (text.hasPrefix("http://") || text.hasPrefix("https://")) && !text.contains(" ") && text.count > 10
    }

    static func isReadingTime(_ normalized: String) -> Bool {
        guard mayBeReadingTime(normalized) else { return false }
        // The phrases first: counting Characters walks the whole line (up to 200 of them).
        return (normalized.hasSuffix("min read") || normalized.hasSuffix("minute read") || normalized.hasSuffix("minutes read")
            || normalized.hasSuffix("mins read") || normalized.hasPrefix("lesezeit") || normalized.hasPrefix("temps de lecture")
            || normalized.hasPrefix("tiempo de lectura") || normalized.hasSuffix("min lesezeit") || normalized.hasSuffix("min de lecture")
            || normalized.hasSuffix("min de lectura") || normalized.hasSuffix("minuten lesezeit")) && normalized.count < 40
    }

    private static let readingTimeEnds = ["min read", "minute read", "minutes read", "mins read", "min lesezeit", "min de lecture",
                                          "min de lectura", "minuten lesezeit"].map { Array($0.utf8) }
    private static let readingTimeStarts = ["lesezeit", "temps de lecture", "tiempo de lectura"].map { Array($0.utf8) }

    /// False when no phrase of `isReadingTime` ends or starts the line's bytes. Its phrases are
    /// ASCII, and a Character equals one of theirs only as the same byte, so every line
    /// `hasSuffix` or `hasPrefix` matches has the phrase's bytes there.
    static func mayBeReadingTime(_ normalized: String) -> Bool {
        var copy = normalized
        return copy.withUTF8 { bytes in
            let n = bytes.count
            return readingTimeEnds.contains { end in end.count <= n && end.indices.allSatisfy { bytes[n - end.count + $0] == end[$0] } }
                || readingTimeStarts.contains { start in start.count <= n && start.indices.allSatisfy { bytes[$0] == start[$0] } }
        }
    }

    /// `mayBeReadingTime` of a normalized line given as its bytes (see `FoldedLine`).
    static func mayBeReadingTime(_ line: FoldedLine) -> Bool {
        readingTimeEnds.contains(where: line.hasSuffix) || readingTimeStarts.contains(where: line.hasPrefix)
    }

    /// "Maren Holt | 26 November 2026" -> "Maren Holt".
    static func nameBesideDate(_ line: String) -> String? {
        var parts = [line]
        for separator in [" | ", " · ", " — ", " – ", " - ", " • ", ", "] { parts = parts.flatMap { $0.simpleComponents(separatedBy: separator) } }
        for part in parts {
            let p = part.trimmingSpaces()
            let words = p.split(separator: " ")
            guard (2...4).contains(words.count), DateParser.find(in: p) == nil, !p.contains(where: \.isNumber),
                  words.allSatisfy({ $0.first?.isUppercase == true }),
                  !words.contains(where: { DateParser.monthNumber(String($0)) != nil }) else { continue }
            let lower = p.quickLowercased()
            if ["updated", "published", "posted", "veröffentlicht", "publié", "publicado"].contains(where: { lower.hasPrefix($0) }) { continue }
            return p
        }
        return nil
    }
}
