import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/global.css'
import App from './App.vue'
import { ApiError } from './api/http'
import { installDirectives } from './directives/permission'
import { i18n } from './i18n'
import { createAppRouter } from './router'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(ElementPlus)
app.use(createAppRouter())
installDirectives(app)

// API failures the client already showed (toast or login redirect) are not bugs; keep the console quiet about them.
app.config.errorHandler = (error) => {
  if (error instanceof ApiError && (error.handled || error.status === 422)) return
  console.error(error)
}

document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
