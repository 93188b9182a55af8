module github.com/nwaples/rardecode/v2

go 1.21
