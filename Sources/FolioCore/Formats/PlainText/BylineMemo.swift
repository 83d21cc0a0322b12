/// Byline readings of a page's units, by index, so that a line looked at both while
/// finding the body and while reading the header is parsed once (parsing is not free).
final class BylineMemo {
    private let units: [TextUnit]
    private var parsed: [Int: Byline.Parts?] = [:]

    init(_ units: [TextUnit]) {
        self.units = units
        // A page's header is asked about a few lines at a time: room for them at once, not grown step by step.
        parsed.reserveCapacity(16)
    }

    /// `Byline.parse(units[i].text)`.
    func byline(_ i: Int) -> Byline.Parts? {
        if let known = parsed[i] { return known }
        let parts = Byline.parse(units[i].text)
        parsed[i] = .some(parts)
        return parts
    }
}
