import Foundation

/// Reads byline lines: "By Priya Raman", "By Leena Haapala, Business Reporter | 3 June 2025",
/// "*By Marta Castellví · Alpine Post · 9 January 2026*", "Von Anna Weber", "Par …", "Por …".
enum Byline {
    struct Parts: Equatable {
        var author: String
        var date: Date?
        /// Other parts of the line that are neither a date nor a reading time (often the site).
        var others: [String]
    }

    private static let prefixes = ["by ", "words by ", "written by ", "story by ", "von ", "par ", "por ", "text: ", "autor: ", "author: ", "autorin: "]
    private static let prefixStarts = Set(prefixes.compactMap(\.utf8.first))
    private static let roles = ["reporter", "writer", "editor", "correspondent", "columnist", "staff", "contributor", "redakteur", "journalist", "journaliste", "redactor", "corresponsal"]

    static func parse(_ line: String) -> Parts? {
        guard mayStartWithPrefix(line) else { return nil }
        var text = line.trimmingSpaces()
        while let f = text.first, "*_".contains(f), let l = text.last, l == f { text = String(text.dropFirst().dropLast()).trimmingSpaces() }
        // Only a line starting with a prefix's first letter can be a byline: other ASCII starts
        // are ruled out without counting or lower-casing the line.
        if let b = text.utf8.first, b < 0x80, !prefixStarts.contains(b | 0x20) { return nil }
        guard SimpleCharacters.count(text) <= 160 else { return nil }
        let lower = text.quickLowercased()
        guard let prefix = prefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        text = String(text.dropFirst(prefix.count))
        var parts = split(text)
        guard !parts.isEmpty else { return nil }
        var name = parts.removeFirst()
        var date = DateParser.find(in: name)
        if date != nil, let cut = name.utf8Range(of: ", ") { name = String(name[..<cut.lowerBound]) }
        if let comma = name.utf8Range(of: ", "), roles.contains(where: { name[comma.upperBound...].quickLowercased().contains($0) }) {
            name = String(name[..<comma.lowerBound])
        }
        name = name.trimmingScalars(in: " ,;")
        guard !name.isEmpty, name.split(separator: " ").count <= 12, name.first?.isUppercase == true else { return nil }
        var others: [String] = []
        for part in parts {
            if let d = DateParser.find(in: part) { if date == nil { date = d }; continue }
            let p = part.quickLowercased()
            if p.hasSuffix("min read") || p.hasSuffix("minute read") || p.hasPrefix("updated") || p.hasPrefix("published") { continue }
            others.append(part)
        }
        return Parts(author: nameCase(name), date: date, others: others)
    }

    private static let prefixBytes = prefixes.map { Array($0.utf8) }

    /// Whether the line, past the spaces and emphasis marks ("*", "_") that `parse` trims before
    /// looking for a prefix, starts with the bytes of one, each ASCII letter lower-cased. True for
    /// every line `parse` reads: `lower.hasPrefix` compares Characters of ASCII, which only the
    /// same ASCII bytes can equal, and a scalar past ASCII lower-cases to ASCII only as U+212A to
    /// "k" (in no prefix) or U+0130 to "i" and a combining dot (not a Character "i"). Every prefix
    /// starts with a letter, so what `parse` trims is exactly what is skipped here.
    static func mayStartWithPrefix(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                let (value, length) = WordCount.decode(bytes, at: start)
                guard value == 0x2A || value == 0x5F || ScalarTrim.isSpace(Unicode.Scalar(value) ?? "\u{FFFD}") else { break }
                start += length
            }
            return prefixBytes.contains { prefix in
                guard prefix.count <= bytes.count - start else { return false }
                for k in prefix.indices {
                    let b = bytes[start + k]
                    if (b &- 0x41 < 26 ? b | 0x20 : b) != prefix[k] { return false }
                }
                return true
            }
        }
    }

    /// "ILSE MARWICK" -> "Ilse Marwick"; names in mixed case stay as written.
    static func nameCase(_ name: String) -> String {
        // An ASCII name with a lower-case letter is not all capitals: as written, without
        // filtering its Characters.
        if name.utf8.allSatisfy({ $0 < 0x80 }), name.utf8.contains(where: { $0 &- 0x61 < 26 }) { return name }
        let letters = name.filter(\.isLetter)
        guard letters.count >= 2, letters == letters.uppercased(), letters != letters.quickLowercased() else { return name }
        return name.split(separator: " ", omittingEmptySubsequences: true).map { word in
            word.prefix(1) + word.dropFirst().quickLowercased()
        }.joined(separator: " ")
    }

    private static func split(_ text: String) -> [String] {
        var parts = [text]
        for separator in [" | ", " · ", " — ", " – ", " - ", " • "] {
            parts = parts.flatMap { $0.simpleComponents(separatedBy: separator) }
        }
        return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}
