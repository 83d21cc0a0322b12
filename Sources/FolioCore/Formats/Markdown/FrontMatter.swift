import Foundation

/// The YAML front matter that web clippers write, read as a small YAML subset:
/// `key: value`, quoted values, `key:` followed by `- item` lines, inline
/// `[a, b]` lists, and `"[[Wiki Link]]"` values. Anything else is ignored, so
/// broken front matter never stops the article from loading.
public struct FrontMatter: Equatable, Sendable {
    public var values: [String: [String]] = [:]

    public func string(_ keys: String...) -> String? {
        for key in keys { if let v = values[key]?.first(where: { !$0.isEmpty }) { return v } }
        return nil
    }

    public func list(_ keys: String...) -> [String] {
        for key in keys { if let v = values[key], !v.isEmpty { return v.filter { !$0.isEmpty } } }
        return []
    }

    /// Splits `text` into front matter and the rest, when it starts with `---`.
    public static func split(_ text: String) -> (FrontMatter?, Substring) {
        // "\r\n" is one Character in Swift, so CRLF line ends must be matched as such.
        let lines = text[...].split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, text[...]) }
        guard let end = lines.dropFirst().prefix(200).firstIndex(where: {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t == "---" || t == "..."
        }) else {
            return (nil, text[...])
        }
        let matter = parse(lines[1..<end])
        // The body starts after the closing line.
        var offset = text.startIndex
        for _ in 0...end {
            guard let nl = text[offset...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else { offset = text.endIndex; break }
            offset = text.index(after: nl)
        }
        return (matter, text[offset...])
    }

    static func parse(_ lines: ArraySlice<Substring>) -> FrontMatter {
        var matter = FrontMatter()
        var currentKey: String?
        for raw in lines {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("- ") || trimmed == "-", let key = currentKey {
                matter.values[key, default: []].append(clean(String(trimmed.dropFirst(1))))
                continue
            }
            guard line.first != " ", let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            currentKey = key
            if value.isEmpty || value == "|" || value == ">" {
                matter.values[key] = []
            } else if value.hasPrefix("["), value.hasSuffix("]"), !value.hasPrefix("[[") {
                matter.values[key] = value.dropFirst().dropLast().split(separator: ",").map { clean(String($0)) }
            } else {
                matter.values[key] = [clean(value)]
            }
        }
        return matter
    }

    /// Removes quotes and wiki-link brackets: `"[[Ana Ruiz]]"` -> `Ana Ruiz`.
    static func clean(_ value: String) -> String {
        var v = value.trimmingCharacters(in: .whitespaces)
        if v.count >= 2, let f = v.first, let l = v.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            v = String(v.dropFirst().dropLast())
            v = f == "'" ? v.replacingOccurrences(of: "''", with: "'") : v.replacingOccurrences(of: "\\\"", with: "\"")
        }
        if v.hasPrefix("[["), v.hasSuffix("]]") {
            v = String(v.dropFirst(2).dropLast(2))
            if let bar = v.firstIndex(of: "|") { v = String(v[v.index(after: bar)...]) }
        }
        return v.trimmingCharacters(in: .whitespaces)
    }
}
