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

    /// "ILSE MARWICK" -> "Ilse Marwick"; names in mixed case stay as written.
    static func nameCase(_ name: String) -> String {
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
