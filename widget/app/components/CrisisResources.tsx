import { crisisLinks, crisisResourceFor, crisisSentence, orderCrisisResources } from '../../../shared/crisis'
import type { CrisisResource } from '../../../shared/schemas/policies'
import { useWords } from '../i18n'

/** The practice's crisis resources, emergency first, each with numbers that can be tapped. */
export function CrisisResources({
  resources,
  headingLevel = 2,
}: {
  resources: readonly CrisisResource[]
  headingLevel?: 2 | 3
}) {
  const { tr, locale } = useWords()
  const ordered = orderCrisisResources(resources).map((r) => crisisResourceFor(r, locale))
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section class="crisis" aria-labelledby="crisis-title">
      <Heading id="crisis-title" class="crisis-title" tabIndex={-1}>
        {tr('widget.crisis.title')}
      </Heading>
      <p class="crisis-sentence">{crisisSentence(resources, locale)}</p>
      <ul class="crisis-list">
        {ordered.map((resource) => {
          const links = crisisLinks(resource)
          return (
            <li key={`${resource.name}-${resource.phone ?? resource.text ?? resource.url}`}>
              <p class="crisis-name">
                {resource.name}
                {resource.hours && <span class="crisis-hours"> · {resource.hours}</span>}
              </p>
              <div class="crisis-actions">
                {links.call && (
                  <a class="button button-crisis" href={links.call}>
                    {tr('widget.crisis.call', { number: resource.phone! })}
                  </a>
                )}
                {links.sms && (
                  <a class="button button-secondary" href={links.sms}>
                    {tr('widget.crisis.text', { number: resource.text! })}
                  </a>
                )}
                {links.web && (
                  <a class="link" href={links.web} target="_blank" rel="noopener noreferrer">
                    {tr('widget.crisis.website')}
                  </a>
                )}
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
