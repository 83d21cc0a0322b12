import Foundation
import Testing
@testable import FolioCore

/// Calendar arithmetic without ICU, checked against Foundation's Gregorian calendar.
struct CivilDateTests {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    @Test func everyDayFrom1800To2300AgreesWithFoundationBothWays() throws {
        var date = try #require(Self.utc.date(from: DateComponents(year: 1800, month: 1, day: 1, hour: 13, minute: 7, second: 59)))
        let end = try #require(Self.utc.date(from: DateComponents(year: 2300, month: 12, day: 31)))
        while date < end {
            let expected = Self.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let civil = CivilDate(date)
            #expect(civil == CivilDate(year: expected.year!, month: expected.month!, day: expected.day!,
                                       hour: expected.hour!, minute: expected.minute!, second: expected.second!))
            #expect(civil.date == date)
            date += 86_400
        }
    }

    @Test func daysAMonthDoesNotHaveAreNoDate() {
        #expect(CivilDate(year: 2025, month: 2, day: 29).date == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29).date != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29).date == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29).date != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31).date == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1).date == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0).date == nil)
    }

    @Test func momentsBefore1970RoundDownToTheirDay() {
        let civil = CivilDate(Date(timeIntervalSince1970: -1))
        #expect(civil == CivilDate(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
    }
}
