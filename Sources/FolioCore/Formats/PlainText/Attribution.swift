import Foundation

/// Where a page dump says it came from: "This post appeared first on X",
/// "Source: X", "Originally published at X", a URL line, the site's name
/// at the top of the page, "© 2026 X".
enum Attribution {
    /// Markers that may sit anywhere in a line, followed by the source.
    static let markers = [
        "appeared first on ", "appeared originally on ", "originally published at ", "originally published on ",
        "originally published in ", "originally published by ", "originally appeared on ", "originally appeared in ",
        "first published in ", "first published on ", "first published by ", "first appeared on ", "first appeared in ",
        "republished from ", "reprinted from ", "erschien zuerst auf ", "erschien zuerst bei ", "erschien zuerst in ",
        "ursprünglich erschienen auf ", "ursprünglich erschienen bei ", "est paru sur ", "est paru dans ", "publié à l'origine sur ",
        "publié initialement sur ", "d'abord été publié sur ", "d'abord été publié dans ", "publicado originalmente en ",
        "publicado originalmente por ", "apareció originalmente en ", "apareció primero en ",
    ]
    /// Labels that must start the line: "Source: Harbour Daily".
    private static let labels = ["source:", "source :", "quelle:", "fuente:", "via:", "via ", "site:", "publication:", "publisher:"]

    /// The source named by the page, looking outside the body first.
    /// `body` is the range of units that hold the article.
    static func source(in units: [TextUnit], body: ClosedRange<Int>?, header: Range<Int>) -> String? {
        let outside = units.indices.filter { body == nil || !body!.contains($0) || $0 >= body!.upperBound - 1 }
        // The first and last 300 (each unit once: a second look would find nothing new).
        for index in outside.count <= 600 ? outside : outside.prefix(300) + outside.suffix(300) where units[index].words <= 30 {
            if let name = markedSource(units[index].text) { return name }
        }
        if let brand = brandLine(units, in: header) { return brand }
        // The last 80 from the end, then the first 20 (as `units.suffix(80).reversed() + units.prefix(20)`).
        let n = units.count
        for index in (0..<min(80, n)).map({ n - 1 - $0 }) + Array(0..<min(20, n)) where units[index].words <= 14 {
            if let name = copyrightHolder(units[index].text) { return name }
        }
        return nil
    }

    /// "This post appeared first on harbourdaily.example." -> "harbourdaily.example".
    static func markedSource(_ text: String) -> String? {
        isPlainLine(text) ? nil : markedSourceReadingAll(text)
    }

    /// `markedSource` by lower-casing the line and looking for each marker and label.
    static func markedSourceReadingAll(_ text: String) -> String? {
        let lower = text.quickLowercased()
        for marker in markerIndex.present(in: lower).map({ markers[$0] }) {
            guard let range = lower.utf8Range(of: marker) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
            if let name = clean(String(text.dropFirst(offset))) { return name }
        }
        guard mayStartWithLabel(lower) else { return nil }
        let normalized = TextSignals.normalized(lower)
        for label in labels where normalized.hasPrefix(label) {
            let rest = String(text.drop { $0 != ":" && $0 != " " }.dropFirst())
            if let name = clean(rest) { return name }
        }
        return nil
    }

    private static let markerIndex = PhraseIndex(markers)
    /// The markers that are ASCII: the only ones an ASCII line lower-cased can hold.
    static let asciiMarkerIndex = PhraseIndex(asciiMarkers)
    /// The same search, skipping through the line (most lines are looked at for markers only to rule them out).
    static let asciiMarkerSearch = SkippingPhraseSearch(asciiMarkers)
    static let asciiMarkers = markers.filter { $0.utf8.allSatisfy { $0 < 0x80 } }

    /// An ASCII line in which `markedSource` finds nothing: it holds no marker in any case,
    /// and its normalized form (trimmed as `TextSignals.normalized` trims ASCII) starts with
    /// no label. Decided on its bytes, without lower-casing it.
    static func isPlainASCIILine(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isPlain($0, marks: false) }
    }

    /// `isPlainASCIILine`, and also true for a line of ASCII and `TextSignals.isPlainMark` scalars
    /// (quotes, dashes, Latin-1 signs) without line breaks in which `markedSource` finds nothing.
    /// Such marks lower-case to themselves and are neither letters nor ASCII, so the line lower-cased
    /// holds an ASCII marker where its bytes do in some case, and no other marker (each of those has
    /// a letter past ASCII); the line is simple, so `TextSignals.normalized` trims it by scalars, as
    /// `TextSignals.isTrimmedLeading` and `isTrimmedTrailing` say for these scalars, and a label is
    /// a prefix of it exactly where the label's bytes are.
    static func isPlainLine(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isPlain($0, marks: true) }
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, marks: Bool) -> Bool {
        guard let scan = TextSignals.plainMarkScan(bytes), marks || scan.ascii else { return false }
        let (ascii, lineBreak) = scan
        let n = bytes.count
        // Marks with a line break: the line may not be simple, left to the full reading.
        if !ascii && lineBreak { return false }
        if asciiMarkerSearch.anyPresent(inASCIIIgnoringCase: bytes) { return false }
        var lo = 0, hi = n
        if ascii {
            while lo < hi, isTrimmedLeading(bytes[lo]) { lo += 1 }
            while hi > lo, isTrimmedTrailing(bytes[hi - 1]) { hi -= 1 }
        } else {
            while lo < hi {
                let (value, length) = WordCount.decode(bytes, at: lo)
                guard TextSignals.isTrimmedLeading(value) else { break }
                lo += length
            }
            while hi > lo {
                var start = hi - 1
                while bytes[start] & 0xC0 == 0x80 { start -= 1 }
                guard TextSignals.isTrimmedTrailing(WordCount.decode(bytes, at: start).0) else { break }
                hi = start
            }
        }
        return !labelBytes.contains { label in
            label.count <= hi - lo && label.indices.allSatisfy { PhraseIndex.fold(bytes[lo + $0]) == label[$0] }
        }
    }

    /// ASCII that `TextSignals.normalized` trims from the start of a line: controls, space, | > - : * #.
    @inline(__always)
    private static func isTrimmedLeading(_ b: UInt8) -> Bool {
        b <= 0x20 || b == 0x7C || b == 0x3E || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x23
    }

    /// ASCII that `TextSignals.normalized` trims from the end of a line: controls, space, | < - : * .
    @inline(__always)
    private static func isTrimmedTrailing(_ b: UInt8) -> Bool {
        b <= 0x20 || b == 0x7C || b == 0x3C || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x2E
    }

    private static let labelBytes = labels.map { Array($0.utf8) }
    private static let labelFirstBytes = Set(labels.compactMap(\.utf8.first))

    /// False when the line's normalized form cannot start with a label: its first
    /// byte past the ASCII that normalizing may trim is ASCII and starts no label.
    private static func mayStartWithLabel(_ lower: String) -> Bool {
        for b in lower.utf8 {
            if b >= 0x80 { return true }  // decided by normalizing
            if b <= 0x20 || b == 0x7C || b == 0x3E || b == 0x2D || b == 0x3A || b == 0x2A || b == 0x23 { continue }
            return labelFirstBytes.contains(b)
        }
        return false
    }

    /// The site's name as the logo's text near the top: an all-capitals line
    /// ("NORTHWIND TRIBUNE"), or a short name-like line among the menu items.
    static func brandLine(_ units: [TextUnit], in header: Range<Int>) -> String? {
        let top = units[header.clamped(to: 0..<units.count)].prefix(8)
        for unit in top where unit.kind != .chrome && unit.kind != .end && (1...4).contains(unit.words) && unit.isAllCaps {
            let letters = asciiShape(unit.text)?.letters ?? unit.text.filter(\.isLetter).count
            if letters >= 4 { return titleCase(unit.text) }
        }
        // A name before the menu: "Harbour Daily" above "Menu", "Search", "Sign in".
        let early = Array(units[header.clamped(to: 0..<units.count)].prefix(4))
        for (offset, unit) in early.enumerated() where unit.kind == .short && (2...5).contains(unit.words) && !unit.endsSentence {
            let following = early.dropFirst(offset + 1).prefix(2)
            guard following.contains(where: { $0.kind == .chrome }) else { continue }
            if let shape = asciiShape(unit.text) {
                if shape.capitalised * 2 >= shape.words + 1, !shape.digit { return unit.text }
                continue
            }
            let words = unit.text.split(separator: " ")
            let capitalised = words.filter { $0.first?.isUppercase == true }.count
            if capitalised * 2 >= words.count + 1, !unit.text.contains(where: \.isNumber) {
                return unit.text
            }
        }
        return nil
    }

    /// For ASCII text, read from its bytes: its letters (`filter(\.isLetter).count`), its words
    /// (`split(separator: " ").count`), those whose first Character is a capital, and whether it
    /// has a digit (`contains(where: \.isNumber)`). In ASCII every Character is one byte but
    /// "\r\n", which is none of these, so the bytes tell what the Characters would. Nil otherwise.
    static func asciiShape(_ text: String) -> (letters: Int, words: Int, capitalised: Int, digit: Bool)? {
        var letters = 0, words = 0, capitalised = 0
        var digit = false
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            if b >= 0x80 { return nil }
            if b != 0x20 && previous == 0x20 {
                words += 1
                if b &- 0x41 < 26 { capitalised += 1 }
            }
            if (b | 0x20) &- 0x61 < 26 { letters += 1 } else if b &- 0x30 < 10 { digit = true }
            previous = b
        }
        return (letters, words, capitalised, digit)
    }

    /// "© 2026 Example Media Group" -> "Example Media Group".
    static func copyrightHolder(_ text: String) -> String? {
        // Every mark starts with "C", "(" or "©" (0xC2 0xA9): other first bytes start none.
        guard let b = text.utf8.first, b == 0x43 || b == 0x28 || b == 0xC2 else { return nil }
        for mark in ["Copyright © ", "Copyright ", "© ", "©", "(c) ", "(C) "] where text.hasPrefix(mark) {
            var rest = Substring(text.dropFirst(mark.count))
            rest = rest.drop { $0.isNumber || $0 == " " || $0 == "–" || $0 == "-" || $0 == "," }
            if let name = clean(String(rest)) { return name }
        }
        return nil
    }

    /// A site name that the page itself spells out for a domain, so the list can say
    /// "Harbour Daily" instead of "harbourdaily.example": a short line near the top
    /// whose letters match the domain's name.
    static func prettyName(for domain: String, in units: [TextUnit], header: Range<Int>) -> String? {
        guard !domain.contains(" "), domain.contains("."), let label = siteLabel(domain), label.count >= 4 else { return nil }
        let top = units[header.clamped(to: 0..<units.count)].prefix(40)
        let footer = units.suffix(30).compactMap { unit -> TextUnit? in
            guard let holder = copyrightHolder(unit.text) else { return nil }
            return TextUnit(holder)
        }
        for unit in top + footer where (1...5).contains(unit.words) && !unit.endsSentence {
            let key = letters(unit.text)
            guard key.count >= 4 else { continue }
            if key == label || label.count >= 6 && (key.hasPrefix(label) || key.hasSuffix(label))
                || key.count >= 6 && label.hasPrefix(key) {
                return unit.isAllCaps ? titleCase(unit.text) : unit.text
            }
        }
        return nil
    }

    /// "www.harbourdaily.example" -> "harbourdaily"; "news.talbote.example" -> "talbote".
    static func siteLabel(_ domain: String) -> String? {
        var parts = domain.quickLowercased().split(separator: ".").map(String.init)
        guard parts.count >= 2 else { return nil }
        parts.removeLast()  // the top-level domain
        // Second-level suffixes ("co.uk"), and the reserved "example" of test domains ("x.example.org").
        if parts.count >= 2, ["co", "com", "org", "net", "ac", "gov", "example"].contains(parts.last!) { parts.removeLast() }
        return parts.last.map(letters)
    }

    /// Lower-case ASCII letters and digits, accents folded: "Der Talbote" -> "dertalbote".
    static func letters(_ text: String) -> String { FoldedLetters.of(text) }

    static func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().quickLowercased() }.joined(separator: " ")
    }

    /// The first URL line outside the body, or one labelled "URL:" anywhere.
    static func url(in units: [TextUnit], body: ClosedRange<Int>?) -> String? {
        let outside = body.map { Array(0..<$0.lowerBound) + Array(($0.upperBound + 1)..<units.count) } ?? Array(units.indices)
        // The first 200 and the last 200, each unit once: a unit that was no URL line is none the second time.
        let looked = outside.count <= 400 ? outside[...] : outside.prefix(200) + outside.suffix(200)
        for index in looked where units[index].words <= 40 {
            if let url = HeaderParts.urlLine(units[index].text) { return url }
        }
        return nil
    }

    /// "harbourdaily.example." -> "harbourdaily.example"; a URL -> its host.
    static func clean(_ raw: String) -> String? {
        var name = raw.trimmingSpaces()
        if name.hasPrefix("http"), let end = name.firstIndex(of: " ") { name = String(name[..<end]) }
        for cut in [". All rights", " All rights", ". Alle Rechte", ". Tous droits", ". Todos los derechos", " | ", " · ", " — ",
                    ". Read", ". Republished", " under ", ". ", " and is ", " and was ", " with permission", ", where ", " on "] {
            if let r = name.utf8Range(of: cut) { name = String(name[..<r.lowerBound]) }
        }
        name = name.trimmingScalars(in: " .,;:!\"'“”()[]")
        if name.hasPrefix("http"), let host = SourceName.fromURL(name) { return host }
        guard !name.isEmpty, name.count <= 60, name.split(separator: " ").count <= 7 else { return nil }
        return name
    }
}
