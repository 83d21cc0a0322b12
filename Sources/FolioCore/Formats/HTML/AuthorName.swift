import Foundation

/// Tidies an author name taken from a page: bylines and meta tags often carry more
/// than the name ("By TOM KRISHER, AP Auto Writer", "Ann Lee | 3 May 2026",
/// "Ann Lee @annlee Nov 18, 2019 at 9:24 pm", "Ann Lee Published 11:11 PM EST").
enum AuthorName {
    private static let roles = ["writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist"]
    private static let stops = [" | ", " · ", " • ", " @", " published", " updated", " posted", " on "]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func clean(_ name: String) -> String {
        var text = TextCleanup.collapseWhitespace(name)
        // "By Ann Lee", "Analysis by Ann Lee".
        if let by = SimpleTextSearch.first("by ", in: text.quickLowercased()), text.distance(from: text.startIndex, to: by.lowerBound) <= 12,
           by.lowerBound == text.startIndex || text[text.index(before: by.lowerBound)] == " " {
            text = String(text[by.upperBound...])
        }
        let lower = text.quickLowercased()
        // Cut at whichever stop comes first.
        if let stop = stops.compactMap({ SimpleTextSearch.first($0, in: lower)?.lowerBound }).min() {
            text = String(text[..<stop])
        }
        // A word starting with a digit begins a date or a time, and so does a month before one.
        var words = text.split(separator: " ")
        if let digit = words.firstIndex(where: { $0.first?.isNumber == true }), digit > 0 {
            var end = digit
            if end > 1, months.contains(where: { words[end - 1].quickLowercased().hasPrefix($0) }) { end -= 1 }
            words = Array(words[..<end])
            text = words.joined(separator: " ")
        }
        // "Name, Role" (but not "Name, Name").
        if let comma = SimpleTextSearch.last(", ", in: text),
           roles.contains(where: { text[comma.upperBound...].quickLowercased().contains($0) }) {
            text = String(text[..<comma.lowerBound])
        }
        let trimmed = text.trimmingScalars(in: " ,;:-–—")
        return trimmed.isEmpty ? TextCleanup.collapseWhitespace(name) : trimmed
    }
}
