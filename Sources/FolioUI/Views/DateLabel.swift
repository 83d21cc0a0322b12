import Foundation

/// Dates as the list and the reader show them (calendar dates in UTC, as stored).
public enum DateLabel {
    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
    private static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "14 Feb" this year, "Feb 2025" in other years: at most 8 columns.
    public static func short(_ date: Date, now: Date) -> String {
        let d = calendar.dateComponents([.year, .month, .day], from: date)
        let year = calendar.component(.year, from: now)
        let month = shortMonths[(d.month ?? 1) - 1]
        return d.year == year ? "\(d.day ?? 1) \(month)" : "\(month) \(d.year ?? 0)"
    }

    /// "2026-02-14" (the `date-format iso` setting).
    public static func iso(_ date: Date) -> String {
        let d = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 1; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(d.year ?? 0)-\(two(d.month))-\(two(d.day))"
    }

    /// The list's date in the chosen format.
    static func list(_ date: Date, now: Date, format: Settings.DateFormat) -> String {
        format == .iso ? iso(date) : short(date, now: now)
    }

    /// "22 July 2026".
    public static func long(_ date: Date) -> String {
        let d = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(d.day ?? 1) \(longMonths[(d.month ?? 1) - 1]) \(d.year ?? 0)"
    }
}
