import TermKit

/// Finding text in the laid-out article: case-insensitive unless the text
/// has capitals (as in less and vim's smartcase).
enum ReaderFind {
    static func caseSensitive(_ text: String) -> Bool { text.contains { $0.isUppercase } }

    /// Indices of the lines that contain `text`.
    static func lines(matching text: String, in lines: [StyledLine]) -> [Int] {
        let sensitive = caseSensitive(text)
        let needle = sensitive ? text : text.lowercased()
        return lines.indices.filter { i in
            let plain = lines[i].plainText
            return (sensitive ? plain : plain.lowercased()).contains(needle)
        }
    }

    /// The line with every match of `text` in reverse video.
    static func highlight(_ line: StyledLine, _ text: String) -> StyledLine {
        guard !text.isEmpty else { return line }
        let sensitive = caseSensitive(text)
        let needle = Array(sensitive ? text : text.lowercased())
        // Characters with their styles, matched as a whole, then grouped again.
        var chars: [(Character, Style)] = line.flatMap { span in span.text.map { ($0, span.style) } }
        let folded = chars.map { sensitive ? $0.0 : ($0.0.lowercased().first ?? $0.0) }
        var i = 0
        while i + needle.count <= folded.count {
            if Array(folded[i..<i + needle.count]) == needle {
                for j in i..<i + needle.count { chars[j].1 = chars[j].1.adding(.reverse) }
                i += needle.count
            } else {
                i += 1
            }
        }
        var out: StyledLine = []
        for (c, style) in chars {
            if let last = out.last, last.style == style { out[out.count - 1].text.append(c) } else { out.append(Span(String(c), style: style)) }
        }
        return out
    }
}
