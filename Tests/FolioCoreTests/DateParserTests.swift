import Foundation
import Testing
@testable import FolioCore

struct DateParserTests {
    @Test(arguments: [
        ("2026-02-14", utc(2026, 2, 14)),
        ("2026-02-14T10:00:00Z", utc(2026, 2, 14, 10, 0)),
        ("2026-02-14T10:00:00+02:00", utc(2026, 2, 14, 8, 0)),
        ("2026-02-14 10:00", utc(2026, 2, 14, 10, 0)),
        ("14 February 2026", utc(2026, 2, 14)),
        ("February 14, 2026", utc(2026, 2, 14)),
        ("Feb. 14, 2026", utc(2026, 2, 14)),
        ("February 14th, 2026", utc(2026, 2, 14)),
        ("14. März 2026", utc(2026, 3, 14)),
        ("3 mars 2026", utc(2026, 3, 3)),
        ("14 de febrero de 2026", utc(2026, 2, 14)),
        ("14.02.2026", utc(2026, 2, 14)),
        ("2026年2月14日", utc(2026, 2, 14)),
        ("Published 3 March 2026, 10:00", utc(2026, 3, 3, 10, 0)),
        ("Updated February 14, 2026 at 4:52 pm", utc(2026, 2, 14, 16, 52)),
    ] as [(String, Date)])
    func findsDate(_ text: String, _ expected: Date) {
        #expect(DateParser.find(in: text) == expected, "\(text)")
    }

    @Test(arguments: [
        "Updated 4:52 pm",
        "",
        "No date in this sentence at all.",
        "Page 14 of 2026 results",
        "2026-13-40",
        "31 February 2026",
        "The 2026 season",
    ])
    func findsNoDate(_ text: String) {
        #expect(DateParser.find(in: text) == nil, "\(text)")
    }

    @Test(arguments: [
        "14 February 2026",
        "Published 3 March 2026",
        "Updated Saturday, February 14, 2026 at 4:52 pm EST",
        "Veröffentlicht am 14. März 2026, 10:00 Uhr",
        "2026-02-14",
    ])
    func dateLines(_ text: String) {
        #expect(DateParser.isDateLine(text), "\(text)")
    }

    @Test(arguments: [
        "Updated 4:52 pm",
        "The council met on 14 February 2026 to discuss the harbour wall and agreed to repair it before the spring tides.",
        "Volunteers relight the lighthouse on 3 March 2026 after years",
        "An ordinary headline without any date",
    ])
    func notDateLines(_ text: String) {
        #expect(!DateParser.isDateLine(text), "\(text)")
    }

    @Test func iso8601MatchesFoundationsFormatterAcrossCenturies() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_208_988_800...4_102_444_800, using: &generator)))
            #expect(DateParser.iso8601(date) == formatter.string(from: date))
            #expect(DateParser.isoDay(date) == String(formatter.string(from: date).prefix(10)))
        }
        #expect(DateParser.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(DateParser.iso8601(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    }

    @Test func iso8601Output() {
        #expect(DateParser.iso8601(utc(2026, 2, 14, 10, 0)) == "2026-02-14T10:00:00Z")
    }
}

struct DateParserMoreTests {
    @Test(arguments: [
        ("3rd March 2026", utc(2026, 3, 3)),
        ("1er mars 2026", utc(2026, 3, 1)),
        ("14th of February 2026", utc(2026, 2, 14)),
        ("Sunday 12 July 2026", utc(2026, 7, 12)),
        ("Publié le 3 mars 2026 à 10h15", utc(2026, 3, 3)),
        ("Veröffentlicht am 16. März 2026, 07:45 Uhr", utc(2026, 3, 16, 7, 45)),
        ("2026-02-14T10:00:00.000Z", utc(2026, 2, 14, 10, 0)),
        ("2026-02-20T09:15:42 (UTC +00:00)", utc(2026, 2, 20, 9, 15, 42)),
    ] as [(String, Date)])
    func findsDate(_ text: String, _ expected: Date) {
        #expect(DateParser.find(in: text) == expected, "\(text)")
    }

    @Test(arguments: ["Sunday 12 July 2026", "14th February 2026", "Publié le 3 mars 2026 à 10h15"])
    func dateLines(_ text: String) {
        #expect(DateParser.isDateLine(text), "\(text)")
    }

    @Test func longTextIsBounded() {
        let text = String(repeating: "no date here ", count: 500_000) + "14 February 2026"
        let start = Date()
        #expect(DateParser.find(in: text) == nil)
        #expect(!DateParser.isDateLine(text))
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
