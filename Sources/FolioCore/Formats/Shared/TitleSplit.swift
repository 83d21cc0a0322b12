/// Splits a site name off a page title: "Headline | Site" -> ("Headline", "Site"),
/// for " | ", " :: ", " — ", " – ", " - ", " » ", " · " when the tail is short.
enum TitleSplit {
    static func split(_ title: String) -> (title: String, site: String?) {
        for separator in [" | ", " :: ", " — ", " – ", " - ", " » ", " · "] {
            guard let range = SimpleTextSearch.last(separator, in: title) else { continue }
            let head = String(title[..<range.lowerBound]).trimmingSpaces()
            let tail = String(title[range.upperBound...]).trimmingSpaces()
            if head.count >= tail.count, !tail.isEmpty, tail.split(separator: " ").count <= 5 { return (head, tail) }
        }
        return (title, nil)
    }
}
