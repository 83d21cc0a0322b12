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


struct PageDumpFixtureTests {
    static let expectations: [ArticleExpectation] = [
        ArticleExpectation(
            file: "text/quayside-gazette-news.txt",
            title: "Tugboat crews vote to keep the night watch at Saltmere",
            subtitle: "The port authority wanted to end round-the-clock towing cover. Crews said no, and the ballot was not close.",
            author: "Tomas Reyes", date: utc(2026, 2, 14), source: "The Quayside Gazette", url: nil,
            first: "Tugboat crews at Saltmere have voted overwhelmingly to keep a round-the-clock towing service",
            last: "The night watch will continue at least until the summer.",
            absent: ["HARBOUR", "Advertisement", "Ferry timetable", "Two extra sailings", "Lifeboat station", "Updated 6:05",
                     "By Tomas Reyes", "Quayside Media", "originally published", "Connect with us", "Hi, what are you"]),
        ArticleExpectation(
            file: "text/ridgeline-wrapped-crlf.txt",
            title: "Sunday briefing: the orchard cooperative that shares its tractors",
            subtitle: nil, author: "Elin Halvorsen", date: utc(2026, 2, 14, 10, 0), source: "Ridgeline Weekly",
            url: "https://ridgeline.example.org/briefings/2026/02/14/orchard-tractors",
            first: "Nine farms in the upper Dorrin valley have done something their grandparents would have thought impossible:",
            last: "whoever returns a tractor with an empty tank buys the next round at the Plough.",
            absent: ["Unsubscribe", "Source:", "\r", "2026-02-14 10:00"]),
        ArticleExpectation(
            file: "text/courrier-du-val-fr.txt",
            title: "À Vallonges, la dernière salle de cinéma du canton rouvre ses portes",
            subtitle: "Fermé depuis trois ans, le Rex a été racheté par une association d'habitants qui a tout rénové elle-même.",
            author: "Camille Verdier", date: utc(2026, 3, 3), source: "Le Courrier du Val", url: nil,
            first: "Samedi soir, la file d'attente s'étirait jusqu'au pont de la Sorne.",
            last: "où plusieurs salles ont fermé ces dernières années.",
            absent: ["CULTURE", "Publicité", "À lire aussi", "Le festival de la Sorne", "Temps de lecture", "Partager", "Mentions légales"]),
        ArticleExpectation(
            file: "text/faro-del-sur-es.txt",
            title: "Los vecinos de Almendral recuperan el lavadero del siglo XIX",
            subtitle: "Un grupo de jubilados ha limpiado y restaurado a mano el antiguo lavadero público, que ahora acogerá un pequeño museo de la vida cotidiana.",
            author: "Lucía Ferrer", date: utc(2026, 2, 14), source: "El Faro del Sur", url: nil,
            first: "Durante casi cuarenta años, el lavadero de la calle del Agua fue un almacén de escombros.",
            last: "de las mujeres que lo utilizaron hasta finales de los años sesenta.",
            absent: ["Sociedad", "Te puede interesar", "La feria del almendro", "Publicado originalmente", "Ediciones Ejemplo", "Por Lucía"]),
        ArticleExpectation(
            file: "text/field-notes-plain.txt",
            title: "Field notes from a wet February", subtitle: nil, author: nil, date: nil, source: nil, url: nil,
            first: "It rained on twenty-three of the twenty-eight days of the month",
            last: "Next month, with luck, the ground will dry enough to plant the early potatoes."),
        ArticleExpectation(
            file: "text/civic-bulletin-table.txt",
            title: "Bus fares in Marrowby will fall from April, council confirms",
            subtitle: nil, author: "Ines Calder and Robert Nyambe", date: utc(2026, 2, 14), source: "Civic Bulletin", url: nil,
            first: "Bus fares across Marrowby will fall by an average of 18 per cent from the first of April",
            last: "Operators have until the end of March to update their ticket machines.",
            absent: ["4 min read", "Published:", "You May Also Like", "Roadworks on Station Road", "Sign up", "Share", "Civic Bulletin Media"]),
        ArticleExpectation(
            file: "text/kerzenau-brunnen.txt",
            title: "Der alte Marktbrunnen in Kerzenau sprudelt wieder",
            subtitle: "Nach zwei Jahren Restaurierung haben Steinmetze die Figuren des Brunnens wieder aufgestellt, und am Samstag floss zum ersten Mal seit langem Wasser",
            author: "Katrin Oberholzer", date: utc(2026, 3, 14), source: "Kerzenauer Bote", url: nil,
            first: "Am Samstagvormittag haben sich mehr als dreihundert Menschen auf dem Marktplatz versammelt",
            last: "die von der Geschichte des Brunnens erzählt."),
    ]

    @Test(arguments: expectations)
    func extractsMetadataAndBody(_ e: ArticleExpectation) throws {
        let a = try Fixture.load(e.file).article
        #expect(a.format == .text)
        #expect(a.title == e.title)
        #expect(a.subtitle == e.subtitle)
        #expect(a.author == e.author)
        #expect(a.date == e.date)
        #expect(a.source == e.source)
        #expect(a.url == e.url)
        let body = a.bodyText
        #expect(body.hasPrefix(e.first), "body starts: \(body.prefix(120))")
        #expect(body.hasSuffix(e.last), "body ends: \(body.suffix(120))")
        for text in e.absent { #expect(!body.contains(text), "body contains \(text)") }
        // The header is never repeated as the first paragraph.
        #expect(!body.hasPrefix(e.title))
        if let subtitle = e.subtitle { #expect(!body.contains(subtitle)) }
    }

    @Test func newsStyleBodyKeepsShortParagraphsSubheadingsAndDropsPullQuote() throws {
        let a = try Fixture.load("text/quayside-gazette-news.txt").article
        #expect(a.body.contains(.text("The result was announced on Friday afternoon.")))
        #expect(a.body.contains(.text("Of the 46 crew members who took part, 44 voted against the change.")))
        #expect(a.body.contains(.heading(level: 2, [Inline("What happens next")])))
        // The pull quote repeats a sentence of the quote above it and is shown once.
        #expect(a.bodyText.components(separatedBy: "You cannot schedule an emergency for office hours").count == 2)
        #expect(a.body.count == 10)
    }

    @Test func hardWrappedCRLFFileIsRewrapped() throws {
        let a = try Fixture.load("text/ridgeline-wrapped-crlf.txt").article
        #expect(a.body.count == 5)
        #expect(a.body.allSatisfy { if case .paragraph = $0 { return true }; return false })
        #expect(a.bodyText.contains("their grandparents would have thought impossible: they have stopped owning their own tractors."))
        #expect(!a.bodyText.contains("\n "))
    }

    @Test func tabSeparatedLinesBecomeATableAndBulletsAList() throws {
        let a = try Fixture.load("text/civic-bulletin-table.txt").article
        #expect(a.body.contains(.table(rows: [
            [[Inline("Ticket")], [Inline("Now")], [Inline("From April")]],
            [[Inline("Single journey")], [Inline("£2.40")], [Inline("£1.90")]],
            [[Inline("Day ticket")], [Inline("£5.80")], [Inline("£4.60")]],
            [[Inline("Weekly ticket")], [Inline("£21.00")], [Inline("£17.50")]],
        ], hasHeader: true)))
        #expect(a.body.contains(.list(ordered: false, start: 1, items: [
            [.text("Night buses on the two main routes will run on Fridays and Saturdays.")],
            [.text("Paper tickets will still be sold on board.")],
            [.text("The fare cap will be reviewed after one year.")],
        ])))
        #expect(a.body.contains(.heading(level: 2, [Inline("What changes")])))
    }

    @Test func plainFileComesThroughWhole() throws {
        let a = try Fixture.load("text/field-notes-plain.txt").article
        let original = try String(contentsOfFile: Fixture.path("text/field-notes-plain.txt"), encoding: .utf8)
        let paragraphs = original.components(separatedBy: "\n\n").dropFirst().map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(a.body == paragraphs.map(Block.text))
    }
}

struct PlainTextHeaderTests {
    func extract(_ text: String, fileName: String = "page.txt") throws -> Article {
        try PlainTextExtractor().extract(from: Array(text.utf8), fileName: fileName)
    }

    static let body = """
    The ferry service to the outer islands will run twice a day from March, the operator announced on Monday, ending a decade of single sailings.

    Islanders have campaigned for a second sailing since the old vessel was withdrawn in 2016, arguing that a single return trip made it impossible to work or study on the mainland.

    The new timetable starts on the first Monday of March and will be reviewed after a year.
    """

    @Test func dekEndingWithPeriodInTheTitleBlockIsTheSubtitle() throws {
        let a = try extract("Skip to content\nMenu\nSearch\n\nFerries to the outer islands will sail twice a day\nThe operator has found a second crew. Islanders say it is about time.\n\n" + Self.body + "\n\nShare\nMost read\nSomething else entirely\n")
        #expect(a.title == "Ferries to the outer islands will sail twice a day")
        #expect(a.subtitle == "The operator has found a second crew. Islanders say it is about time.")
        #expect(a.bodyText.hasPrefix("The ferry service to the outer islands"))
        #expect(a.bodyText.hasSuffix("will be reviewed after a year."))
    }

    @Test func allCapsSectionLabelAndBrandAreSkipped() throws {
        let a = try extract("ISLAND TIMES\nMenu\nSign in\nTRANSPORT\nFerries to the outer islands will sail twice a day\nBY MORAG FINLAY\n14th February 2026\n\n" + Self.body + "\n\nAdvertisement\n© 2026 Island Times Ltd\n")
        #expect(a.title == "Ferries to the outer islands will sail twice a day")
        #expect(a.author == "Morag Finlay")
        #expect(a.date == utc(2026, 2, 14))
        #expect(a.source == "Island Times")
        #expect(!a.bodyText.contains("TRANSPORT"))
    }

    @Test func teaserBlockWithoutCuePhraseIsCut() throws {
        let teasers = """
        Harbour master retires after thirty years
        She guided more than ten thousand ships into port.
        New playground opens on the seafront
        Children helped to choose the equipment last autumn.
        Storm damages the old pier
        Repairs are expected to take until the summer.
        """
        let a = try extract("Menu\nSearch\nFerries to the outer islands will sail twice a day\nBy Morag Finlay\n\n" + Self.body + "\n\n" + teasers + "\n")
        #expect(a.bodyText.hasSuffix("will be reviewed after a year."))
        #expect(!a.bodyText.contains("Harbour master"))
        #expect(!a.bodyText.contains("ten thousand ships"))
    }

    @Test func advertisementInTheMiddleIsDropped() throws {
        let parts = Self.body.components(separatedBy: "\n\n")
        let text = "Menu\nFerries to the outer islands will sail twice a day\n\n" + parts[0] + "\n\nAdvertisement\n\n" + parts[1] + "\n\nADVERTISEMENT\n\n" + parts[2] + "\n\nShare\n"
        let a = try extract(text)
        #expect(a.body == parts.map(Block.text))
    }

    @Test func closingShortSentenceIsKept() throws {
        let a = try extract("Menu\nSearch\nFerries to the outer islands will sail twice a day\n\n" + Self.body + "\n\nIt is about time.\n\nShare\nFacebook\n")
        #expect(a.bodyText.hasSuffix("It is about time."))
    }

    @Test func attributionVariantsFillTheSource() throws {
        for (line, source) in [
            ("This post appeared first on harbourdaily.example.", "harbourdaily.example"),
            ("Source: Harbour Daily", "Harbour Daily"),
            ("Originally published at https://www.harbourdaily.example/ferries", "harbourdaily.example"),
            ("Dieser Artikel erschien zuerst auf Hafenblatt.", "Hafenblatt"),
            ("Publicado originalmente en Diario del Puerto.", "Diario del Puerto"),
        ] {
            let a = try extract("Menu\nFerries to the outer islands will sail twice a day\n\n" + Self.body + "\n\nShare\n" + line + "\n")
            #expect(a.source == source, "\(line)")
        }
    }

    @Test func urlLineFillsURLSourceAndDate() throws {
        let a = try extract("Ferries to the outer islands will sail twice a day\nhttps://www.islandtimes.example/2026/02/14/ferries\n\n" + Self.body + "\n")
        #expect(a.url == "https://www.islandtimes.example/2026/02/14/ferries")
        #expect(a.source == "islandtimes.example")
        #expect(a.date == utc(2026, 2, 14))
        #expect(a.bodyText.hasPrefix("The ferry service"))
    }

    @Test func fieldLinesAtTheTopAreRead() throws {
        let a = try extract("Title: Ferries to the outer islands will sail twice a day\nURL: https://islandtimes.example/ferries\nAuthor: Morag Finlay\nDate: 14 February 2026\n\n" + Self.body + "\n")
        #expect(a.title == "Ferries to the outer islands will sail twice a day")
        #expect(a.url == "https://islandtimes.example/ferries")
        #expect(a.author == "Morag Finlay")
        #expect(a.date == utc(2026, 2, 14))
        #expect(a.bodyText.hasPrefix("The ferry service"))
    }

    @Test(arguments: [
        ("14 February 2026", utc(2026, 2, 14)),
        ("February 14, 2026", utc(2026, 2, 14)),
        ("2026-02-14", utc(2026, 2, 14)),
        ("2026-02-14 10:00", utc(2026, 2, 14, 10, 0)),
        ("Saturday 14 February 2026, 10:00", utc(2026, 2, 14, 10, 0)),
        ("Published: 14.02.2026", utc(2026, 2, 14)),
    ] as [(String, Date)])
    func dateLineFormats(_ line: String, _ date: Date) throws {
        let a = try extract("Menu\nSearch\nFerries to the outer islands will sail twice a day\nBy Morag Finlay\n\(line)\n\n" + Self.body + "\n\nShare\n")
        #expect(a.date == date, "\(line)")
        #expect(a.author == "Morag Finlay")
        #expect(!a.bodyText.contains(line))
    }

    @Test func hardWrappedPageDumpKeepsTitleDekAndBylineApart() throws {
        let text = """
        Skip to content
        Menu
        Search
        Night Ferries Return To The Outer Isles After A Decade Away From Home
        The operator has found a second crew, and islanders say it is about time
        By Morag Finlay
        14 February 2026

        The ferry service to the outer islands will run twice a day from March,
        the operator announced on Monday, ending a decade of single sailings
        that islanders say cut them off from work and study on the mainland.

        Islanders have campaigned for a second sailing since the old vessel was
        withdrawn in 2016, arguing that a single return trip made it impossible
        to work or study on the mainland, and that the timetable was set for
        the convenience of the operator rather than the people it served.

        Share
        Related stories
        """
        let a = try extract(text)
        #expect(a.title == "Night Ferries Return To The Outer Isles After A Decade Away From Home")
        #expect(a.subtitle == "The operator has found a second crew, and islanders say it is about time")
        #expect(a.author == "Morag Finlay")
        #expect(a.date == utc(2026, 2, 14))
        #expect(a.body.count == 2)
        #expect(a.bodyText.hasSuffix("rather than the people it served."))
    }

    @Test func titleOnFirstLineWithoutBlankLine() throws {
        let a = try extract("Ferries to the outer islands will sail twice a day\n" + Self.body + "\n")
        #expect(a.title == "Ferries to the outer islands will sail twice a day")
        #expect(a.body.count == 3)
    }
}
