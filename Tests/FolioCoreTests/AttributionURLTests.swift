import Foundation
import Testing
@testable import FolioCore

/// `Attribution.url` looks at each unit outside the body once; it finds what looking at
/// the first 200 and then the last 200 found (a unit in both twice) on pages of every size.
struct AttributionURLTests {
    static func reference(_ units: [TextUnit], body: ClosedRange<Int>?) -> String? {
        let outside = body.map { Array(0..<$0.lowerBound) + Array(($0.upperBound + 1)..<units.count) } ?? Array(units.indices)
        for index in outside.prefix(200) + outside.suffix(200) where units[index].words <= 40 {
            let unit = units[index]
            let inBody = body?.contains(index) ?? false
            guard let url = HeaderParts.urlLine(unit.text) else { continue }
            if !inBody || unit.text != url { return url }
        }
        return nil
    }

    @Test func findsWhatTheTwoPassesFound() {
        var random = PlainTextRandom(seed: 2807)
        let lines = ["Menu", "A paragraph of text that is long enough to be body text, with a sentence.", "https://a.example/one",
                     "URL: https://b.example/two", "Source: https://c.example/x", "https://no space.example", "Link: nothing",
                     "http://d.example/2026/01/02/slug", "Share", "© 2026 Example"]
        for round in 0..<600 {
            let count = [0, 1, 3, 50, 199, 200, 201, 399, 400, 401, 450, 900][round % 12]
            let units = (0..<count).map { _ in
                TextUnit(Int.random(in: 0..<30, using: &random) == 0 ? lines[2...7].randomElement(using: &random)! : lines.randomElement(using: &random)!)
            }
            var body: ClosedRange<Int>?
            if count > 0, round % 5 != 0 {
                let a = Int.random(in: 0..<count, using: &random), b = Int.random(in: 0..<count, using: &random)
                body = min(a, b)...max(a, b)
            }
            #expect(Attribution.url(in: units, body: body) == Self.reference(units, body: body), "\(count) \(String(describing: body))")
        }
    }
}
