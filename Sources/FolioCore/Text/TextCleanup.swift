/// Whitespace handling shared by the extractors.
public enum TextCleanup {
    /// Collapses runs of whitespace (including newlines and no-break spaces) to
    /// one space and trims the ends, as a browser lays out inline text.
    public static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Trims spaces and tabs (not other characters) from both ends.
    public static func trim(_ text: Substring) -> String {
        var t = text
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
