/// The title, subtitle, byline, date and URL that sit above a page dump's
/// body, found by walking back from the body's first line.
struct HeaderParts {
    var title: String?
    var subtitle: String?
    var author: String?
    var date: Date?
    var url: String?

    mutating func read(_ units: [TextUnit], before start: Int) {
        var candidates: [TextUnit] = []
        var j = start - 1
        while j >= 0, start - j <= 12 {
            let unit = units[j]
            j -= 1
            if unit.kind == .end { break }
            if unit.kind == .chrome { if candidates.isEmpty { continue } else { break } }
            if let found = Byline.parse(unit.text) {
                if author == nil { author = found.author }
                if date == nil { date = found.date }
                continue
            }
            if Self.isMetaLine(unit.normalized, words: unit.words) { continue }
            if DateParser.isDateLine(unit.text) {
                if date == nil { date = DateParser.find(in: unit.text) }
                continue
            }
            if Self.isURL(unit.text) { if url == nil { url = unit.text }; continue }
            if Self.isReadingTime(unit.normalized) { continue }
            if !candidates.isEmpty, unit.words <= 3, !unit.endsSentence { break }  // a section label above the title
            if unit.kind == .good { break }
            candidates.append(unit)
            if candidates.count == 3 { break }
        }
        // Nearest the body first.
        guard let near = candidates.first else { return }
        if candidates.count >= 2, near.words >= 6, Self.isTitleLike(candidates[1]) {
            subtitle = near.text
            title = candidates[1].text
        } else {
            title = near.text
        }
    }

    static func isTitleLike(_ unit: TextUnit) -> Bool {
        unit.words >= 2 && unit.words <= 30 && !unit.text.hasSuffix(".")
    }

    /// "Updated 4:52 pm", "Listen to this article · 6 min", "Photographs by …".
    static func isMetaLine(_ normalized: String, words: Int) -> Bool {
        guard words <= 8 else { return false }
        let prefixes = ["updated", "published", "posted", "last updated", "listen to", "reading time", "photographs by", "photos by",
                        "photo by", "illustrations by", "illustration by", "additional reporting", "edited by", "aktualisiert",
                        "mis à jour", "actualizado", "fotos:", "foto:", "bild:"]
        return prefixes.contains { normalized.hasPrefix($0) }
    }

    static func isURL(_ text: String) -> Bool {
        (text.hasPrefix("http://") || text.hasPrefix("https://")) && !text.contains(" ")
    }

    static func isReadingTime(_ normalized: String) -> Bool {
        normalized.count < 30 && (normalized.hasSuffix("min read") || normalized.hasSuffix("minute read") || normalized.hasSuffix("minutes read")
            || normalized.hasPrefix("lesezeit") || normalized.hasPrefix("temps de lecture") || normalized.hasPrefix("tiempo de lectura"))
    }
}

import Foundation
