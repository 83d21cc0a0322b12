import Foundation
import Testing
@testable import FolioCore

struct PlainTextExtractionTests {
    @Test func pageDumpWithSiteChrome() throws {
        let loaded = try Fixture.load("text/tidewater-lighthouse.txt")
        let a = loaded.article
        #expect(a.format == .text)
        #expect(a.title == "Volunteers relight the Grimsholm lighthouse after forty years of darkness")
        #expect(a.subtitle == "A crew of retired engineers spent three winters rebuilding the lamp room by hand, and the beam now reaches eleven nautical miles")
        #expect(a.author == "Ilse Marwick")
        #expect(a.date == utc(2026, 3, 3))
        #expect(a.source == "The Tidewater Courier")

        let body = a.bodyText
        #expect(body.hasPrefix("On the first clear night of March the lantern at the top of Grimsholm lighthouse turned once"))
        #expect(body.hasSuffix("open the tower to visitors on summer weekends."))
        #expect(a.body.count == 6)
        // Header, chrome and what follows the article stay out of the body.
        for chrome in ["Sign in", "Subscribe", "Skip to main content", "Related stories", "Harbour wall repairs",
                       "Seal pups counted", "Most read", "Ferry timetable", "Get our newsletter", "Privacy policy",
                       "appeared first on", "Advertisement", "Copy link", "By Ilse Marwick", "Published 3 March",
                       "Volunteers relight", "A crew of retired engineers"] {
            #expect(!body.contains(chrome), "body contains \(chrome)")
        }
    }

    @Test(arguments: [
        Named("byline, date, updated", "By Ilse Marwick\nPublished 3 March 2026\nUpdated 4:52 pm\nShare"),
        Named("byline with date, reading time", "By Ilse Marwick | 3 March 2026\n4 min read"),
        Named("byline with role, US date", "By Ilse Marwick, Coast Reporter\nMarch 3, 2026"),
        Named("date first, listen line", "3 March 2026\nBy Ilse Marwick\nListen to this article · 4 min"),
    ])
    func bylineVariants(_ sample: Named) throws {
        let header = sample.text, date = utc(2026, 3, 3)
        let original = try String(contentsOfFile: Fixture.path("text/tidewater-lighthouse.txt"), encoding: .utf8)
        let text = original.replacingOccurrences(of: "By Ilse Marwick\nPublished 3 March 2026\nShare", with: header)
        #expect(text != original)
        let a = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "variant.txt")
        #expect(a.title == "Volunteers relight the Grimsholm lighthouse after forty years of darkness")
        #expect(a.subtitle?.hasPrefix("A crew of retired engineers") == true)
        #expect(a.author == "Ilse Marwick")
        #expect(a.date == date)
        #expect(a.bodyText.hasPrefix("On the first clear night of March"))
        #expect(!a.bodyText.contains("Updated"))
        #expect(!a.bodyText.contains("min read"))
    }

    @Test func plainTextWithoutChromeComesThroughWhole() throws {
        let loaded = try Fixture.load("text/plain-essay.txt")
        let a = loaded.article
        #expect(a.title == "Notes on keeping a winter garden")
        #expect(a.subtitle == nil)
        #expect(a.author == nil)
        #expect(a.date == nil)
        #expect(a.body.count == 4)
        let original = try String(contentsOfFile: Fixture.path("text/plain-essay.txt"), encoding: .utf8)
        let paragraphs = original.components(separatedBy: "\n\n").dropFirst().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(a.bodyText == paragraphs.joined(separator: "\n\n"))
        #expect(a.body.allSatisfy { if case .paragraph = $0 { return true }; return false })
    }

    @Test func germanPageDump() throws {
        let a = try Fixture.load("text/kerzenau-brunnen.txt").article
        #expect(a.title == "Der alte Marktbrunnen in Kerzenau sprudelt wieder")
        #expect(a.subtitle == "Nach zwei Jahren Restaurierung haben Steinmetze die Figuren des Brunnens wieder aufgestellt, und am Samstag floss zum ersten Mal seit langem Wasser")
        #expect(a.author == "Katrin Oberholzer")
        #expect(a.date == utc(2026, 3, 14))
        #expect(a.source == "Kerzenauer Bote")
        #expect(a.bodyText.hasPrefix("Am Samstagvormittag haben sich mehr als dreihundert Menschen"))
        #expect(a.bodyText.hasSuffix("die von der Geschichte des Brunnens erzählt."))
        for chrome in ["Anmelden", "Teilen", "Anzeige", "Das könnte Sie auch interessieren", "Neue Buslinie", "Meistgelesen", "erschien zuerst"] {
            #expect(!a.bodyText.contains(chrome), "body contains \(chrome)")
        }
    }

    @Test func hardWrappedParagraphsAreJoined() throws {
        let text = """
        Hard wrapped notes

        This paragraph was wrapped by an old mail client at a fixed width so
        that every line ends well before the edge of the screen, and a reader
        should see it as one flowing paragraph rather than three short lines.

        The second paragraph is wrapped the same way and also runs on for a
        while so that the extractor can tell that the whole file is wrapped
        rather than written as a list of separate short lines of text.
        """
        let a = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "notes.txt")
        #expect(a.title == "Hard wrapped notes")
        #expect(a.body.count == 2)
        #expect(a.bodyText.contains("so that every line ends"))
    }

    @Test func titleFallsBackToFileName() throws {
        let text = "Short line\nAnother short line\n"
        let a = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "notes/harbour-walk_2026.txt")
        #expect(!a.title.isEmpty)
        #expect(a.bodyText.contains("Another short line"))
    }

    @Test func emptyAndBinaryInputAreErrors() {
        #expect(throws: ExtractionError.empty) { try PlainTextExtractor().extract(from: Array(" \n\n\t ".utf8), fileName: "a.txt") }
        #expect(throws: ExtractionError.empty) { try PlainTextExtractor().extract(from: [], fileName: "a.txt") }
        #expect(throws: ExtractionError.binary) { try PlainTextExtractor().extract(from: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41], fileName: "a.txt") }
    }
}
