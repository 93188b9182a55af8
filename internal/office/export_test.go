package office

// PlainXML is plainXML for the tests.
var PlainXML = plainXML
