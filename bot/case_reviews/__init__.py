"""Case reviews: the serious-incident notification and its statutory route (Working Together 2018)."""
