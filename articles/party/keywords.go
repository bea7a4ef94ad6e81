package party

import "strings"

// titleHeads end a run of capitalised words that is a title:
// "Foreign Affairs Minister", "Deputy Secretary".
var titleHeads = map[string]bool{
	"Minister": true, "Secretary": true, "President": true, "Chancellor": true, "Ambassador": true,
	"Commissioner": true, "Governor": true, "Mayor": true, "Senator": true, "Director": true,
	"Chairman": true, "Chairwoman": true, "Chief": true, "Spokesman": true, "Spokeswoman": true,
	"Spokesperson": true, "Envoy": true, "Judge": true, "Prosecutor": true, "Coach": true, "Manager": true,
	"Leader": true, "Premier": true, "Officer": true, "Adviser": true, "Advisor": true, "Captain": true,
	"Executive": true, "Head": true, "Deputy": true, "Representative": true, "Commander": true,
}

// orgWords make a capitalised span an organisation.
var orgWords = map[string]bool{
	"Ministry": true, "Council": true, "Party": true, "Agency": true, "Group": true, "Bank": true,
	"Company": true, "Corporation": true, "Corp": true, "Inc": true, "Ltd": true, "LLC": true, "plc": true,
	"PLC": true, "AG": true, "GmbH": true, "University": true, "Institute": true, "Commission": true,
	"Committee": true, "Association": true, "Union": true, "Federation": true, "League": true, "Club": true,
	"FC": true, "Department": true, "Office": true, "Court": true, "Parliament": true, "Assembly": true,
	"Foundation": true, "Fund": true, "Organization": true, "Organisation": true, "Service": true,
	"Services": true, "Police": true, "Army": true, "Navy": true, "Forces": true, "Guard": true,
	"Airlines": true, "Airways": true, "Authority": true, "Board": true, "Bureau": true, "Centre": true,
	"Center": true, "Coalition": true, "Alliance": true, "Front": true, "Movement": true, "Network": true,
	"Times": true, "News": true, "Post": true, "Herald": true, "Journal": true, "Trust": true,
	"Society": true, "School": true, "College": true, "Hospital": true, "Church": true, "Cabinet": true,
	"Government": true, "Administration": true, "Tribunal": true, "Secretariat": true, "Exchange": true,
	"Reserve": true, "Holdings": true, "Industries": true, "Motors": true, "Systems": true,
	"Technologies": true, "Labs": true, "Media": true, "United": true, "City": true, "Rovers": true,
	"Wanderers": true, "Athletic": true, "Institution": true, "Programme": true, "Program": true,
	"Senate": true, "Congress": true, "Brigade": true, "Battalion": true, "Regiment": true, "Command": true,
	"Unit": true, "Team": true, "Council's": true, "Democrats": true, "Republicans": true, "Greens": true,
	"Conservatives": true, "Socialists": true, "Laboratory": true, "Observatory": true, "Museum": true,
	"Library": true, "Infirmary": true, "Clinic": true, "Co": true, "Co.": true, "Energy": true, "Pharma": true, "Bancorp": true,
	"Semiconductor": true, "Micro": true, "Partners": true, "Capital": true, "Ventures": true,
	"Investments": true, "Solutions": true, "Pharmaceuticals": true, "Therapeutics": true,
	"Software": true, "Electronics": true, "Entertainment": true, "Studios": true, "Records": true,
	"Telecom": true, "Communications": true, "Petroleum": true, "Oil": true, "Mining": true,
	"Steel": true, "Chemicals": true, "Foods": true, "Insurance": true, "Securities": true,
	"Associates": true, "Consulting": true, "Logistics": true, "Shipping": true, "Railways": true,
	"Rail": true, "Air": true, "Aviation": true, "Automotive": true, "Limited": true, "Town": true,
	"Albion": true, "Hotspur": true, "Convention": true, "Caucus": true, "Diocese": true,
	"Academy": true, "Corps": true, "Inc.": true, "Ltd.": true, "Corp.": true,
	"Bureau's": true, "Ministry's": true, "Department's": true, "Institute's": true,
}

// placeWords end a capitalised span that is a place.
var placeWords = map[string]bool{
	"Sea": true, "River": true, "Ocean": true, "Lake": true, "Island": true, "Islands": true,
	"Mountains": true, "Mountain": true, "Valley": true, "Province": true, "Region": true, "Oblast": true,
	"County": true, "District": true, "Square": true, "Street": true, "Avenue": true, "Road": true,
	"Bridge": true, "Airport": true, "Stadium": true, "Arena": true, "Park": true, "Bay": true, "Gulf": true,
	"Peninsula": true, "Desert": true, "Strait": true, "Canal": true, "Coast": true, "Hills": true,
	"Basin": true, "Forest": true, "Village": true, "Palace": true, "Cathedral": true, "Harbour": true,
	"Harbor": true, "Beach": true, "Heights": true, "Plateau": true, "Glacier": true, "Falls": true,
	"Prefecture": true, "Governorate": true, "Territory": true, "Archipelago": true, "Balkans": true,
	"Crater": true, "Reef": true, "Vallis": true, "Mons": true, "Planitia": true, "Fjord": true,
	"Pass": true, "Cape": true, "Lagoon": true, "Delta": true, "Camp": true, "Stadion": true,
	"Stadio": true, "Estadio": true, "Platz": true, "Plaza": true, "Piazza": true, "Strasse": true,
	"Straße": true, "Boulevard": true, "Lane": true, "Quay": true, "Wharf": true, "Common": true,
}

// cueWords after a name make it a person who speaks.
var cueWords = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "adds": true, "warned": true, "warns": true,
	"stated": true, "explained": true, "explains": true, "noted": true, "notes": true, "argued": true,
	"argues": true, "wrote": true, "writes": true, "asked": true, "insisted": true, "insists": true,
	"claimed": true, "announced": true, "tweeted": true, "replied": true, "urged": true, "stressed": true,
	"acknowledged": true, "admitted": true, "recalled": true, "recalls": true, "testified": true,
	"believes": true, "thinks": true, "told.": true, "smiled": true, "laughed": true, "joked": true,
	"who": true, "posted": true, "commented": true, "remarked": true, "conceded": true,
}

// locatives before a single word make it a place.
var locatives = map[string]bool{
	"in": true, "near": true, "outside": true, "across": true, "throughout": true,
	"around": true, "into": true, "towards": true, "toward": true, "inside": true,
}

// connectors join the words of an organisation's name: "Bank of England".
var connectors = map[string]bool{"of": true, "for": true, "and": true, "on": true, "the": true, "&": true, "de": true}

// roleWords are capitalised plural roles that make a span no name:
// "Foreign Ministers", "Heads of State".
var roleWords = map[string]bool{"Heads": true, "Leaders": true, "Ministers": true, "Allies": true, "Members": true, "Officials": true}

// placeFirst start a capitalised span that is a place: "Mount Penteli".
var placeFirst = map[string]bool{
	"Mount": true, "Mt.": true, "Lake": true, "Cape": true, "Isle": true, "Plateau": true, "Port": true,
	"Fort": true,
}

// placeNouns before "of" make the name after it a place: "the island of Crete".
var placeNouns = map[string]bool{
	"island": true, "islands": true, "town": true, "city": true, "village": true, "province": true,
	"region": true, "state": true, "district": true, "county": true, "capital": true, "port": true,
	"suburb": true, "suburbs": true, "municipality": true, "towns": true, "cities": true,
	"villages": true, "regions": true, "area": true, "outskirts": true, "centre": true, "center": true,
}

// articles open a capitalised run without being part of the name.
var articles = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
}

// genericNouns, capitalised alone, name no party: "the Alliance", "the Government".
var genericNouns = map[string]bool{
	"Government": true, "State": true, "Cabinet": true, "Alliance": true, "Allies": true,
	"Statement": true, "Embassy": true, "Administration": true, "Crown": true, "Opposition": true,
	"Union": true, "Bloc": true, "Party": true, "Council": true, "Ministry": true, "Court": true,
	"Committee": true, "Commission": true, "Agency": true, "Group": true, "Bank": true, "Company": true,
	"Parliament": true, "Assembly": true, "Department": true, "Office": true, "Police": true,
	"Army": true, "Navy": true, "Church": true, "University": true, "Club": true, "Team": true,
	"Board": true, "Authority": true, "Summit": true, "Treaty": true, "West": true, "East": true,
	"North": true, "South": true, "Capitol": true, "Premier": true, "League": true, "Cup": true,
	"Championship": true, "Final": true, "Games": true, "Olympics": true, "Tour": true,
}

// hyphenSuffixes after a name make the word an adjective of it:
// "Sequoia-backed", "Lagos-based".
var hyphenSuffixes = map[string]Kind{
	"backed": Organization, "led": Organization, "owned": Organization, "funded": Organization,
	"run": Organization, "controlled": Organization, "linked": Organization, "affiliated": Organization,
	"supported": Organization, "brokered": Organization, "sponsored": Organization, "made": Organization,
	"based": Place, "born": Place, "bound": Place,
}

// saints start names that go on after a possessive: "St Mary's Church".
var saints = map[string]bool{"St": true, "St.": true, "Saint": true}

// orgNouns before or after a name, or in an apposition, make it an
// organisation: "the charity Asylum Aid", "the Wagner group".
var orgNouns = map[string]bool{
	"charity": true, "company": true, "firm": true, "group": true, "agency": true, "airline": true,
	"bank": true, "newspaper": true, "journal": true, "broadcaster": true, "carmaker": true,
	"chipmaker": true, "retailer": true, "startup": true, "start-up": true, "insurer": true,
	"lender": true, "club": true, "party": true, "organisation": true, "organization": true,
	"union": true, "network": true, "website": true, "magazine": true, "outlet": true,
	"publisher": true, "regulator": true, "watchdog": true, "manufacturer": true, "supplier": true,
	"developer": true, "consultancy": true, "investor": true, "alliance": true, "coalition": true,
	"movement": true, "foundation": true, "institute": true, "think-tank": true, "nonprofit": true,
	"non-profit": true, "conglomerate": true, "automaker": true, "giant": true, "operator": true,
	"militia": true, "faction": true, "team": true, "side": true, "brand": true, "maker": true,
}

// eventWords end names of events, prizes, indexes and laws, which are no
// parties: "Grand Slam", "Nobel Prize", "Inflation Reduction Act".
var eventWords = map[string]bool{
	"Index": true, "Prize": true, "Award": true, "Awards": true, "Cup": true, "Games": true,
	"Championship": true, "Championships": true, "Festival": true, "Act": true, "Plan": true,
	"Agreement": true, "Summit": true, "War": true, "Day": true, "Week": true, "Olympics": true,
	"Open": true, "Slam": true, "Marathon": true, "Grand Prix": true, "Prix": true, "Derby": true,
	"Conference": true, "Forum": true, "Expo": true, "Show": true, "Fair": true, "Protocol": true,
	"Accord": true, "Accords": true, "Doctrine": true, "Initiative": true, "Strategy": true,
}

// possNouns end in a possessive inside a name: "Women's Institute",
// "People's Party".
var possNouns = map[string]bool{
	"Women": true, "Men": true, "People": true, "Children": true, "Workers": true, "Veterans": true,
	"Farmers": true, "Nations": true, "Citizens": true, "Mothers": true, "Soldiers": true,
}

// wordClass is a set of the word lists a word belongs to, so that one map
// look-up answers them all.
type wordClass uint32

const (
	cOrg        wordClass = 1 << iota // orgWords
	cPlace                            // placeWords
	cPlaceFirst                       // placeFirst
	cTitleHead                        // titleHeads
	cEvent                            // eventWords
	cGeneric                          // genericNouns
	cRole                             // roleWords
	cPossNoun                         // possNouns
	cSaint                            // saints
	cArticle                          // articles
	cParticle                         // particles
	cConnector                        // connectors
	cFirst                            // the given-name list
	cNonName                          // the non-name list
	cCue                              // cueWords
	cLocative                         // locatives, also capitalised
	cOrgNoun                          // orgNouns
	cPlaceNoun                        // placeNouns
	cTitleWord                        // first words of the listed titles
	cLeaderNoun                       // leaderNouns
)

// classes builds the word-class map from the sets above and the lists.
func classes(first, nonNames map[string]bool, titles map[string][][]string) map[string]wordClass {
	m := map[string]wordClass{}
	for w := range titles {
		m[w] |= cTitleWord
	}
	for w := range locatives {
		m[strings.ToUpper(w[:1])+w[1:]] |= cLocative
	}
	for c, set := range map[wordClass]map[string]bool{
		cOrg: orgWords, cPlace: placeWords, cPlaceFirst: placeFirst, cTitleHead: titleHeads,
		cEvent: eventWords, cGeneric: genericNouns, cRole: roleWords, cPossNoun: possNouns,
		cSaint: saints, cArticle: articles, cParticle: particles, cConnector: connectors,
		cFirst: first, cNonName: nonNames, cCue: cueWords, cLocative: locatives,
		cOrgNoun: orgNouns, cPlaceNoun: placeNouns, cLeaderNoun: leaderNouns,
	} {
		for w, ok := range set {
			if ok {
				m[w] |= c
			}
		}
	}
	return m
}

// leaderNouns after a name make it a person: "the Biden administration".
var leaderNouns = map[string]bool{
	"administration": true, "government": true, "campaign": true, "presidency": true, "era": true,
	"family": true, "aides": true, "aide": true, "cabinet": true, "regime": true, "premiership": true,
}
