module example.com/pluginapp

go 1.26.0
