// Who declared a registry entry (core, administrator or a plugin), as 数据字典 and 菜单管理 show it.
import { useI18n } from 'vue-i18n'

export function useSourceLabel() {
  const { t } = useI18n()
  return (source: string) =>
    source === 'system' || source === 'admin'
      ? t(`registry.source.${source}`)
      : t('registry.source.plugin', { id: source })
}
