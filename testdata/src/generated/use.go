package generated // want package:"reaches data access"

func Use(posts []Post) {
	for _, p := range posts {
		AuthorOf(nil, p) // want `generated.AuthorOf runs \(\*gorm.DB\).First once per element of posts`
	}
}
