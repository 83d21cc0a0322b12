/// Where a page dump says it came from: "This post appeared first on X",
/// "Source: X", "Originally published at X", a URL line, "© 2026 X".
enum Attribution {
    private static let markers = [
        "appeared first on ", "originally published at ", "originally published on ", "originally published in ",
        "originally appeared on ", "originally appeared in ", "first published in ", "first published on ",
        "source: ", "quelle: ", "source : ", "fuente: ", "erschien zuerst auf ", "erschien zuerst bei ", "est paru sur ",
        "publicado originalmente en ",
    ]

    static func source(in units: [TextUnit]) -> String? {
        for unit in units where unit.words <= 30 {
            let lower = unit.text.lowercased()
            for marker in markers {
                guard let range = lower.range(of: marker) else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                let rest = String(unit.text.dropFirst(offset))
                if let name = clean(rest) { return name }
            }
        }
        // A brand line near the top, as a logo's text: "NORTHWIND TRIBUNE".
        for unit in units.prefix(6) where unit.kind != .chrome && unit.words >= 1 && unit.words <= 4 {
            let letters = unit.text.filter(\.isLetter)
            if letters.count >= 4, letters == letters.uppercased(), letters != letters.lowercased() {
                return unit.text.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
            }
        }
        for unit in units.reversed() where unit.words <= 14 {
            let t = unit.text
            for mark in ["© ", "©", "(c) ", "Copyright © ", "Copyright "] where t.hasPrefix(mark) {
                var rest = Substring(t.dropFirst(mark.count))
                rest = rest.drop { $0.isNumber || $0 == " " || $0 == "–" || $0 == "-" || $0 == "," }
                if let name = clean(String(rest)) { return name }
            }
        }
        return nil
    }

    static func url(in units: [TextUnit]) -> String? {
        units.first { HeaderParts.isURL($0.text) }?.text
    }

    /// "harbourdaily.example." -> "harbourdaily.example"; a URL -> its host.
    private static func clean(_ raw: String) -> String? {
        var name = raw.trimmingCharacters(in: .whitespaces)
        for cut in [". All rights", " All rights", " | ", " · ", " — ", ". Read", ". Republished", " under ", ". "] {
            if let r = name.range(of: cut) { name = String(name[..<r.lowerBound]) }
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!\"'“”()[]"))
        if name.hasPrefix("http"), let host = SourceName.fromURL(name) { return host }
        guard !name.isEmpty, name.count <= 60, name.split(separator: " ").count <= 7 else { return nil }
        return name
    }
}

import Foundation
