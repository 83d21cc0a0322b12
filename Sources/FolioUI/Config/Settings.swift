import Foundation

/// The `set` options of the configuration file, typed, with their defaults.
public struct Settings: Equatable, Sendable {
    /// Where the list and the reader go: side by side from 120 columns (`auto`), or always one way.
    public enum LayoutMode: String, CaseIterable, Sendable {
        case auto, stacked, sideBySide = "side-by-side"
    }

    /// A column of the article list.
    public enum ListColumn: String, CaseIterable, Sendable {
        /// The title, taking the room the other columns leave.
        case title
        case source
        case date
        /// Reading time ("4m").
        case time
    }

    /// How dates are shown: "14 Feb" (this year) / "14 Feb 2024", or "2026-02-14".
    public enum DateFormat: String, CaseIterable, Sendable {
        case short, iso
    }

    public var layout = LayoutMode.auto
    public var listColumns: [ListColumn] = [.title, .source, .date, .time]
    public var dateFormat = DateFormat.short
    public var readRule = ReadRule.open
    /// The widest the reader's text gets, in columns.
    public var wrapWidth = 100
    public var sort = SortOrder.date
    public var sortReverse = false
    public var mouse = false

    public init() {}

    public static let standard = Settings()
    public static let wrapWidthRange = 20...1000
    public static let readDelayRange = 1...3600
}

/// How each setting is written in the configuration file. One entry per
/// setting: parsing, `dump()` and error messages all come from this table.
struct SettingSpec {
    let name: String
    /// What a value may be, for error messages: "auto, stacked or side-by-side".
    let expected: String
    /// Applies `value`; false when it is not a valid value.
    let apply: (String, inout Settings) -> Bool
    let format: (Settings) -> String

    static let all: [SettingSpec] = [
        choice("layout", \.layout),
        SettingSpec(name: "list-columns", expected: "a comma-separated list of " + words(Settings.ListColumn.allCases.map(\.rawValue), "and"),
                    apply: { value, s in
                        let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        let columns = names.compactMap(Settings.ListColumn.init(rawValue:))
                        guard !columns.isEmpty, columns.count == names.count, Set(columns).count == columns.count else { return false }
                        s.listColumns = columns
                        return true
                    },
                    format: { $0.listColumns.map(\.rawValue).joined(separator: ",") }),
        choice("date-format", \.dateFormat),
        SettingSpec(name: "read-rule", expected: "open, key or after:SECONDS (e.g. after:10s)",
                    apply: { value, s in
                        guard let rule = readRule(value) else { return false }
                        s.readRule = rule
                        return true
                    },
                    format: { s in
                        switch s.readRule {
                        case .open: return "open"
                        case .key: return "key"
                        case .after(let seconds): return "after:\(seconds)s"
                        }
                    }),
        SettingSpec(name: "wrap-width", expected: "a number of columns from \(Settings.wrapWidthRange.lowerBound) to \(Settings.wrapWidthRange.upperBound)",
                    apply: { value, s in
                        guard let n = Int(value), Settings.wrapWidthRange.contains(n) else { return false }
                        s.wrapWidth = n
                        return true
                    },
                    format: { String($0.wrapWidth) }),
        choice("sort", \.sort),
        flag("sort-reverse", \.sortReverse),
        flag("mouse", \.mouse),
    ]

    static func named(_ name: String) -> SettingSpec? { all.first { $0.name == name } }

    static func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ path: WritableKeyPath<Settings, E>) -> SettingSpec
    where E.RawValue == String {
        SettingSpec(name: name, expected: words(E.allCases.map(\.rawValue), "or"),
                    apply: { value, s in
                        guard let v = E(rawValue: value) else { return false }
                        s[keyPath: path] = v
                        return true
                    },
                    format: { $0[keyPath: path].rawValue })
    }

    static func flag(_ name: String, _ path: WritableKeyPath<Settings, Bool>) -> SettingSpec {
        SettingSpec(name: name, expected: "on or off",
                    apply: { value, s in
                        switch value.lowercased() {
                        case "on", "yes", "true": s[keyPath: path] = true
                        case "off", "no", "false": s[keyPath: path] = false
                        default: return false
                        }
                        return true
                    },
                    format: { $0[keyPath: path] ? "on" : "off" })
    }

    /// "open", "key", "after:10s", "after:10", "after:2m".
    static func readRule(_ value: String) -> ReadRule? {
        switch value {
        case "open": return .open
        case "key": return .key
        default:
            guard value.hasPrefix("after:") else { return nil }
            var number = value.dropFirst("after:".count)
            var unit = 1
            if number.hasSuffix("s") { number = number.dropLast() } else if number.hasSuffix("m") { number = number.dropLast(); unit = 60 }
            guard !number.isEmpty, number.allSatisfy(\.isASCII), let n = Int(number) else { return nil }
            let (seconds, overflow) = n.multipliedReportingOverflow(by: unit)
            guard !overflow, Settings.readDelayRange.contains(seconds) else { return nil }
            return .after(seconds: seconds)
        }
    }
}

/// "a, b or c".
func words(_ items: [String], _ conjunction: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
}
