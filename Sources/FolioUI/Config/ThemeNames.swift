import TermKit

/// The names the configuration file's `color` lines use for the theme's
/// elements (the `Theme` properties in kebab-case), colours and attributes.
enum ThemeNames {
    /// Every style of `Theme`, in the order `dump()` writes them. A test checks
    /// that no `Theme` property is missing.
    static let elements: [(name: String, path: WritableKeyPath<Theme, Style>)] = [
        ("title-bar", \.titleBar),
        ("status-bar", \.statusBar),
        ("status-key", \.statusKey),
        ("message", \.message),
        ("separator", \.separator),
        ("focused-separator", \.focusedSeparator),
        ("unread", \.unread),
        ("read", \.read),
        ("unread-marker", \.unreadMarker),
        ("selection", \.selection),
        ("inactive-selection-marker", \.inactiveSelectionMarker),
        ("metadata", \.metadata),
        ("article-title", \.articleTitle),
        ("subtitle", \.subtitle),
        ("url", \.url),
        ("heading", \.heading),
        ("body", \.body),
        ("code", \.code),
        ("quote-bar", \.quoteBar),
        ("notice", \.notice),
    ]

    static func element(_ name: String) -> WritableKeyPath<Theme, Style>? {
        elements.first { $0.name == name }?.path
    }

    /// "titleBar" → "title-bar".
    static func kebab(_ camel: String) -> String {
        var out = ""
        for c in camel {
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// All colour names, for suggestions and messages.
    static var allColorNames: [String] { ["default"] + colorNames + colorNames.map { "bright-" + $0 } }

    static func color(_ name: String) -> Color? {
        let lower = name.lowercased()
        if lower == "default" { return .default }
        if let i = colorNames.firstIndex(of: lower) { return .ansi(UInt8(i)) }
        if lower.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(lower.dropFirst("bright-".count))) { return .ansi(UInt8(8 + i)) }
        if !lower.isEmpty, lower.count <= 2, lower.allSatisfy(\.isASCII), let n = UInt8(lower), n <= 15 { return .ansi(n) }
        return nil
    }

    static func name(of color: Color) -> String {
        switch color {
        case .default: return "default"
        case .ansi(let n) where n < 8: return colorNames[Int(n)]
        case .ansi(let n) where n < 16: return "bright-" + colorNames[Int(n) - 8]
        case .ansi(let n): return String(n)
        }
    }

    static let attributes: [(name: String, value: Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline), ("italic", .italic),
    ]

    static func attribute(_ name: String) -> Attributes? {
        attributes.first { $0.name == name.lowercased() }?.value
    }

    /// "default default bold underline".
    static func describe(_ style: Style) -> String {
        ([name(of: style.foreground), name(of: style.background)]
            + attributes.filter { style.attributes.contains($0.value) }.map(\.name)).joined(separator: " ")
    }
}
