package office

// PlainXML is plainXML for the tests.
var PlainXML = plainXML

// SafeName is safeName for the test.
var SafeName = safeName
