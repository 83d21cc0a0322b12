import FolioCore
import Foundation

/// Dates as the list and the reader show them (calendar dates in UTC, as stored).
public enum DateLabel {
    private static let shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "14 Feb" this year, "Feb 2025" in other years: at most 8 columns.
    public static func short(_ date: Date, now: Date) -> String {
        let d = CivilDate(date)
        let month = shortMonths[d.month - 1]
        return d.year == CivilDate(now).year ? "\(d.day) \(month)" : "\(month) \(d.year)"
    }

    /// "2026-02-14" (the `date-format iso` setting).
    public static func iso(_ date: Date) -> String {
        DateParser.isoDay(date)
    }

    /// The list's date in the chosen format.
    static func list(_ date: Date, now: Date, format: Settings.DateFormat) -> String {
        format == .iso ? iso(date) : short(date, now: now)
    }

    /// "22 July 2026".
    public static func long(_ date: Date) -> String {
        let d = CivilDate(date)
        return "\(d.day) \(longMonths[d.month - 1]) \(d.year)"
    }
}
