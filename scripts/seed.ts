// Seeds the decks in data/ (filled in by the deck importer).
console.log("  nothing to seed yet");
