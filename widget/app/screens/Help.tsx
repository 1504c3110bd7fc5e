import { helpNowLabel } from '../../../shared/crisis'
import type { CrisisResource } from '../../../shared/schemas/policies'
import { CrisisResources } from '../components/CrisisResources'
import { Screen } from '../components/Screen'
import { Loading } from '../../../ui/States'
import { useWords } from '../i18n'
import { displayPhone } from '../../../ui/phone'
import { TextWithPhone } from '../../../ui/TextWithPhone'

/** "Need help now?": the practice's crisis resources, reachable from every screen, signed in or not. */
export function Help({
  resources,
  phone,
  onBack,
}: {
  resources: CrisisResource[] | null
  phone?: string | undefined
  onBack: () => void
}) {
  const { tr, locale } = useWords()
  return (
    <Screen title={helpNowLabel(locale)} onBack={onBack}>
      {resources ? <CrisisResources resources={resources} /> : <Loading />}
      <p class="fine">
        {phone ? (
          <TextWithPhone text={tr('widget.help.practiceCall', { phone: displayPhone(phone)! })} phone={phone} />
        ) : (
          tr('widget.help.practice')
        )}
      </p>
    </Screen>
  )
}
